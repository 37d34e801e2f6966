package dev.gatehouse.web.auth;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Admins manage local accounts and API tokens. A new password or token is shown once, on the
 * response to the form that created it, and never again (only its hash is stored).
 */
@Path("/admin/access")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AccessPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance access(List<Accounts.Account> accounts, List<ApiTokens.Token> tokens, String secretLabel,
        String secret, String flash, String error);
  }

  private final Accounts accounts;
  private final ApiTokens tokens;
  private final CurrentUser user;

  AccessPage(Accounts accounts, ApiTokens tokens, CurrentUser user) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.user = user;
  }

  @GET
  public TemplateInstance page(@QueryParam("flash") String flash) {
    return Templates.access(accounts.list(), tokens.list(), null, null, flash, null);
  }

  @POST
  @Path("accounts")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createAccount(@FormParam("username") String username, @FormParam("role") String role) {
    try {
      Accounts.Created created = accounts.create(username, role, user.name());
      return Response.ok(Templates.access(accounts.list(), tokens.list(),
          "Password for " + created.account().username(), created.password(), null, null)).build();
    } catch (IllegalArgumentException e) {
      return Response.status(400).entity(Templates.access(accounts.list(), tokens.list(), null, null, null, e.getMessage())).build();
    }
  }

  @POST
  @Path("accounts/{username}/disable")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response disable(@PathParam("username") String username) {
    try {
      accounts.disable(username, user.name());
      return back("Account " + username + " disabled; its sessions ended.");
    } catch (IllegalArgumentException e) {
      return Response.status(400).entity(Templates.access(accounts.list(), tokens.list(), null, null, null, e.getMessage())).build();
    }
  }

  @POST
  @Path("tokens")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createToken(@FormParam("name") String name, @FormParam("scope") String scope, @FormParam("expires") String expires) {
    try {
      ApiTokens.Created created = tokens.create(name, scope, expiry(expires), user.name());
      return Response.ok(Templates.access(accounts.list(), tokens.list(), "API token " + created.token().name(), created.secret(),
          null, null)).build();
    } catch (IllegalArgumentException e) {
      return Response.status(400).entity(Templates.access(accounts.list(), tokens.list(), null, null, null, e.getMessage())).build();
    }
  }

  @POST
  @Path("tokens/{id}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response revoke(@PathParam("id") long id) {
    ApiTokens.Token revoked = tokens.revoke(id, user.name());
    return back("Token " + revoked.name() + " revoked.");
  }

  /** An ISO date (the token expires at its start, UTC); blank for no expiry. */
  static java.time.Instant expiry(String date) {
    if (date == null || date.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("expiry must be a date like 2027-01-31");
    }
  }

  private static Response back(String flash) {
    return Response.seeOther(UriBuilder.fromPath("/admin/access").queryParam("flash", flash).build()).build();
  }
}
