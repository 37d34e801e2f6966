package dev.gatehouse.web.http;

import dev.gatehouse.web.auth.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A signed-in user without the admin role: a page saying so, or JSON for the API. */
public class Forbidden {

  private final CurrentUser user;

  Forbidden(CurrentUser user) {
    this.user = user;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance forbidden(String user, String role);
  }

  @ServerExceptionMapper
  public Response map(ForbiddenException e, UriInfo uri) {
    if (uri.getPath().startsWith("/api/")) {
      return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(new ApiErrors.ApiError(403, "this needs the admin role (signed in as " + user.name() + ", " + user.role() + ")"))
          .build();
    }
    return Response.status(403).type(MediaType.TEXT_HTML_TYPE).entity(Templates.forbidden(user.name(), user.role())).build();
  }
}
