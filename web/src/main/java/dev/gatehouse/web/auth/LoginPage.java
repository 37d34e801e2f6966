package dev.gatehouse.web.auth;

import dev.gatehouse.web.audit.AuditLog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-in with a local account or OIDC, and sign-out. */
@Path("/")
public class LoginPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(String next, String error, boolean oidc);
  }

  private final Accounts accounts;
  private final Sessions sessions;
  private final AuthConfig config;
  private final AuditLog audit;
  private final boolean oidcEnabled;
  private final SecurityIdentity identity;

  LoginPage(Accounts accounts, Sessions sessions, AuthConfig config, AuditLog audit, SecurityIdentity identity,
      @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean oidcEnabled) {
    this.identity = identity;
    this.accounts = accounts;
    this.sessions = sessions;
    this.config = config;
    this.audit = audit;
    this.oidcEnabled = oidcEnabled;
  }

  @GET
  @Path("login")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form(@QueryParam("next") String next) {
    return Templates.login(safeNext(next), null, oidcEnabled);
  }

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
      @FormParam("next") String next) {
    String target = safeNext(next);
    if (username != null && accounts.lockedOut(username)) {
      return Response.status(429).entity(Templates.login(target,
          "Too many failed sign-ins for this account. Try again later.", oidcEnabled)).build();
    }
    Optional<String> role = accounts.authenticate(username, password);
    if (role.isEmpty()) {
      return Response.status(401).entity(Templates.login(target, "Unknown account or wrong password.", oidcEnabled)).build();
    }
    audit.record(username, "session.start", username, "local account");
    return signedIn(sessions.start(username, role.get(), "local"), target);
  }

  /**
   * OIDC lands here after the provider's sign-in (this path uses the {@code code} mechanism):
   * the provider's roles map to ours and a Gatehouse session starts.
   */
  @GET
  @Path("login/oidc")
  @Authenticated
  public Response oidc() {
    String user = identity.getPrincipal().getName();
    Optional<String> role = oidcRole(identity.getRoles());
    if (role.isEmpty()) {
      audit.record(user, "session.refused", user, "OIDC roles " + identity.getRoles() + " grant no Gatehouse role");
      return Response.status(403).type(MediaType.TEXT_PLAIN)
          .entity("Signed in as " + user + ", but none of your groups may use Gatehouse.").build();
    }
    audit.record(user, "session.start", user, "OIDC, role " + role.get());
    return signedIn(sessions.start(user, role.get(), "oidc"), "/");
  }

  @POST
  @Path("logout")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signOut(@CookieParam(Sessions.COOKIE) String session) {
    sessions.end(session);
    return Response.seeOther(URI.create("/login")).cookie(cookie("", 0)).build();
  }

  Optional<String> oidcRole(java.util.Set<String> roles) {
    List<String> admins = config.oidc().adminRoles().orElse(List.of());
    if (roles.stream().anyMatch(admins::contains)) {
      return Optional.of(Roles.ADMIN);
    }
    Optional<List<String>> viewers = config.oidc().viewerRoles();
    if (viewers.isEmpty() || roles.stream().anyMatch(viewers.get()::contains)) {
      return Optional.of(Roles.VIEWER);
    }
    return Optional.empty();
  }

  private Response signedIn(String sessionId, String target) {
    return Response.seeOther(URI.create(target)).cookie(cookie(sessionId, (int) config.sessionTimeout().toSeconds())).build();
  }

  private NewCookie cookie(String value, int maxAge) {
    return new NewCookie.Builder(Sessions.COOKIE).value(value).path("/").maxAge(maxAge)
        .httpOnly(true).secure(config.cookieSecure()).sameSite(NewCookie.SameSite.LAX).build();
  }

  /** Only a local path: never another host (open redirect), never back to the sign-in page. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.startsWith("/login") || next.length() > 2000 || next.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return next;
  }
}
