package dev.gatehouse.web.auth;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** The signed-in user's own account: change the password of a local account. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class AccountPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance account(String username, boolean local, String flash, String error);
  }

  private final Accounts accounts;
  private final CurrentUser user;

  AccountPage(Accounts accounts, CurrentUser user) {
    this.accounts = accounts;
    this.user = user;
  }

  @GET
  public TemplateInstance page(@QueryParam("flash") String flash) {
    return Templates.account(user.name(), local(), flash, null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changePassword(@FormParam("current") String current, @FormParam("password") String password,
      @FormParam("confirm") String confirm) {
    if (!local()) {
      return refuse("This account signs in through your identity provider; change its password there.");
    }
    if (accounts.authenticate(user.name(), current).isEmpty()) {
      return refuse("The current password is wrong.");
    }
    if (password == null || !password.equals(confirm)) {
      return refuse("The new passwords do not match.");
    }
    try {
      accounts.setPassword(user.name(), password, user.name());
    } catch (IllegalArgumentException e) {
      return refuse(e.getMessage());
    }
    return Response.seeOther(UriBuilder.fromPath("/account").queryParam("flash", "Password changed.").build()).build();
  }

  private boolean local() {
    return user.viaSession() && accounts.find(user.name()).isPresent();
  }

  private Response refuse(String error) {
    return Response.status(400).entity(Templates.account(user.name(), local(), null, error)).build();
  }
}
