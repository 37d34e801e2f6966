package dev.gatehouse.web.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Sign-in: local accounts, dashboard sessions, API tokens and the OIDC role mapping. */
@ConfigMapping(prefix = "gatehouse.auth")
public interface AuthConfig {

  /** How long a dashboard session lasts after sign-in (absolute; signing out ends it at once). */
  @WithDefault("12H")
  Duration sessionTimeout();

  /** Marks the session cookie Secure (sent over HTTPS only; browsers also accept it on http://localhost). */
  @WithDefault("true")
  boolean cookieSecure();

  /**
   * With no local account yet, create {@code admin} at start with a generated password printed once
   * to the log. Turn off when every user signs in through OIDC.
   */
  @WithDefault("true")
  boolean bootstrapAdmin();

  /** Failed sign-ins per account within {@link #lockout()} before further attempts are refused. */
  @WithDefault("5")
  int maxFailedLogins();

  /** How long an account is refused after {@link #maxFailedLogins()} failures. */
  @WithDefault("15M")
  Duration lockout();

  /** OIDC sign-in (enable with {@code quarkus.oidc.tenant-enabled=true} and the provider settings). */
  Oidc oidc();

  interface Oidc {
    /** OIDC roles or groups (as mapped by quarkus.oidc.roles.role-claim-path) that make a user an admin. */
    Optional<List<String>> adminRoles();

    /**
     * OIDC roles or groups that may sign in as viewers. Absent: every user the provider
     * authenticates is a viewer.
     */
    Optional<List<String>> viewerRoles();
  }
}
