package dev.gatehouse.web.http;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The HTML 404 of pages (API errors stay JSON, see {@link ApiErrors}). */
public final class NotFoundPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance notFound(String org, String message);
  }

  private NotFoundPage() {}

  /** {@code org} keeps the organization's navigation, or null. */
  public static Response response(String org, String message) {
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE).entity(Templates.notFound(org, message)).build();
  }
}
