package dev.gatehouse.web.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks credentials up in PostgreSQL (off the event loop). */
@ApplicationScoped
public class GatehouseIdentityProvider implements IdentityProvider<GatehouseCredential> {

  /** Identity attribute: how the caller authenticated ("session" or "token"). */
  public static final String VIA = "gatehouse.via";

  private final Sessions sessions;
  private final ApiTokens tokens;

  GatehouseIdentityProvider(Sessions sessions, ApiTokens tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  @Override
  public Class<GatehouseCredential> getRequestType() {
    return GatehouseCredential.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(GatehouseCredential credential, AuthenticationRequestContext context) {
    return context.runBlocking(() -> switch (credential.kind()) {
      case SESSION -> sessions.find(credential.value())
          .map(h -> identity(h.username(), h.role(), "session"))
          .orElseThrow(AuthenticationFailedException::new);
      case API_TOKEN -> tokens.authenticate(credential.value())
          .map(b -> identity("token:" + b.name(), b.role(), "token"))
          .orElseThrow(AuthenticationFailedException::new);
    });
  }

  private static SecurityIdentity identity(String name, String role, String via) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(name))
        .addRoles(Roles.granted(role))
        .addAttribute(VIA, via)
        .build();
  }
}
