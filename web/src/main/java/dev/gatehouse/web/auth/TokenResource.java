package dev.gatehouse.web.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** API tokens over the API (admin only): list, create (the secret is in this one response), revoke. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

  /** Body of a new token: a name, scope read or admin, optional expiry (ISO instant). */
  public record NewToken(String name, String scope, Instant expiresAt) {}

  private final ApiTokens tokens;
  private final CurrentUser user;

  TokenResource(ApiTokens tokens, CurrentUser user) {
    this.tokens = tokens;
    this.user = user;
  }

  @GET
  public List<ApiTokens.Token> list() {
    return tokens.list();
  }

  @POST
  public Response create(NewToken body) {
    if (body == null) {
      throw new BadRequestException("a token needs a name and a scope (read or admin)");
    }
    try {
      ApiTokens.Created created = tokens.create(body.name(), body.scope(), body.expiresAt(), user.name());
      return Response.status(201).entity(created).build();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  @POST
  @Path("{id}/revoke")
  public ApiTokens.Token revoke(@PathParam("id") long id) {
    return tokens.revoke(id, user.name());
  }
}
