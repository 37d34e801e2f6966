package dev.gatehouse.web.auth;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads an API token ({@code Authorization: Bearer gth_...}) or the dashboard session cookie. An
 * unknown, expired or revoked credential leaves the request anonymous, so public paths stay
 * reachable and protected ones answer with the challenge: a redirect to the sign-in page for
 * pages, 401 for the API.
 */
@ApplicationScoped
public class GatehouseAuthMechanism implements HttpAuthenticationMechanism {

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
    String authorization = context.request().getHeader("Authorization");
    GatehouseCredential credential = null;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      credential = new GatehouseCredential(GatehouseCredential.Kind.API_TOKEN, authorization.substring(7).trim());
    } else {
      Cookie cookie = context.request().getCookie(Sessions.COOKIE);
      if (cookie != null) {
        credential = new GatehouseCredential(GatehouseCredential.Kind.SESSION, cookie.getValue());
      }
    }
    if (credential == null) {
      return Uni.createFrom().nullItem();
    }
    HttpSecurityUtils.setRoutingContextAttribute(credential, context);
    return identities.authenticate(credential).onFailure().recoverWithNull();
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    String path = context.request().path();
    if (path.startsWith("/api/") || path.startsWith("/q/")) {
      return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"gatehouse\""));
    }
    String next = context.request().uri();
    String location = "/login" + (next == null || next.equals("/") ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    return Uni.createFrom().item(new ChallengeData(302, "Location", location));
  }

  /**
   * The name paths select this mechanism by ({@code auth-mechanism=gatehouse}): everything but
   * {@code /login/oidc}, so an OIDC provider's session alone never authenticates a request — only
   * the Gatehouse session started after the OIDC groups were mapped to a role.
   */
  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, Sessions.COOKIE, "gatehouse"));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(GatehouseCredential.class);
  }

  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 1000; // before OIDC: its challenge (a provider redirect) is only for /login/oidc
  }
}
