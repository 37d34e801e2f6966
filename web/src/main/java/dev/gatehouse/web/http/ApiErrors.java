package dev.gatehouse.web.http;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors as {@code {"status": N, "error": "..."}} so API clients get the reason, not an empty body;
 * on dashboard pages the same reason as a page.
 */
public class ApiErrors {

  public record ApiError(int status, String error) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance error(int status, String message);
  }

  @ServerExceptionMapper
  public Response map(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    String path = uri.getPath();
    if (status < 500 && !path.startsWith("/api/") && !path.startsWith("/q/")) {
      return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(status, e.getMessage())).build();
    }
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(status, e.getMessage()))
        .build();
  }
}
