package dev.gatehouse.web.http;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code {name.urlSegment}} in templates: a GitHub name as one URL path segment. Qute's HTML
 * escaping keeps markup inert, but a name with {@code #}, {@code ?} or {@code /} would still
 * change where a link points.
 */
@TemplateExtension
public final class UrlExtensions {

  private UrlExtensions() {}

  public static String urlSegment(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
