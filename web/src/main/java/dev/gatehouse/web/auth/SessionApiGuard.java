package dev.gatehouse.web.auth;

import dev.gatehouse.web.http.ApiErrors;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes to the API with the dashboard's session cookie must be JSON. A cross-site page can send a
 * form or text/plain POST without a CORS preflight, and the CSRF filter only checks forms; JSON needs
 * a preflight, which is refused. API tokens are not sent by browsers on their own, so they pass.
 */
public class SessionApiGuard {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final CurrentUser user;

  SessionApiGuard(CurrentUser user) {
    this.user = user;
  }

  @ServerRequestFilter
  public Optional<Response> refuseNonJsonWrites(ContainerRequestContext request) {
    if (SAFE.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/") || !user.viaSession()) {
      return Optional.empty();
    }
    MediaType type = request.getMediaType();
    if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return Optional.empty();
    }
    return Optional.of(Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiErrors.ApiError(403, "with a dashboard session, API writes must send application/json; automation uses an API token"))
        .build());
  }
}
