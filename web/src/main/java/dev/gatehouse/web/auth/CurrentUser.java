package dev.gatehouse.web.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The signed-in user, for templates ({@code inject:currentUser}) and audit records. */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

  private final SecurityIdentity identity;

  CurrentUser(SecurityIdentity identity) {
    this.identity = identity;
  }

  public boolean signedIn() {
    return !identity.isAnonymous();
  }

  /** The account, OIDC user or {@code token:NAME}; "anonymous" when nobody signed in. */
  public String name() {
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  public boolean admin() {
    return identity.hasRole(Roles.ADMIN);
  }

  public String role() {
    return admin() ? Roles.ADMIN : Roles.VIEWER;
  }

  public boolean viaSession() {
    return "session".equals(identity.getAttribute(GatehouseIdentityProvider.VIA));
  }
}
