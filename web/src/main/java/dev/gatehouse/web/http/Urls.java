package dev.gatehouse.web.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Links built in Java from attacker-controlled names (repositories, file paths, branch names): every
 * path segment and query value is percent-encoded, so a name cannot add segments, parameters or a
 * scheme. Templates still HTML-escape the result; {@link UrlExtensions} does the same inside templates.
 */
public final class Urls {

  private Urls() {}

  public static String segment(String value) {
    return UrlExtensions.urlSegment(value);
  }

  /** A slash-separated path (such as {@code owner/repo} or a file path) with each segment encoded. */
  public static String path(String value) {
    return Arrays.stream(value.split("/", -1)).map(Urls::segment).collect(Collectors.joining("/"));
  }

  public static Query query() {
    return new Query();
  }

  /** A query string of the parameters that have a value, {@code ""} when none has. */
  public static final class Query {
    private final StringJoiner parts = new StringJoiner("&", "?", "").setEmptyValue("");

    public Query add(String name, Object value) {
      if (value != null && !value.toString().isEmpty()) {
        parts.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
      }
      return this;
    }

    @Override
    public String toString() {
      return parts.toString();
    }
  }
}
