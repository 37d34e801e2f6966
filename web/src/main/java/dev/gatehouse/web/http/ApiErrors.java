package dev.gatehouse.web.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as {@code {"status": N, "error": "..."}} so API clients get the reason, not an empty body. */
public class ApiErrors {

  public record ApiError(int status, String error) {}

  @ServerExceptionMapper
  public Response map(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(status, e.getMessage()))
        .build();
  }
}
