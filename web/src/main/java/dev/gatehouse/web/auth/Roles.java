package dev.gatehouse.web.auth;

/**
 * The two roles. Every signed-in identity has {@link #VIEWER}; admins also have {@link #ADMIN}
 * (trigger scans, acknowledge alerts, manage exceptions, users and API tokens). Reads need only a
 * signed-in identity (path policy in application.properties); writes are {@code @RolesAllowed(ADMIN)}.
 */
public final class Roles {
  public static final String VIEWER = "viewer";
  public static final String ADMIN = "admin";

  private Roles() {}

  /** The roles an identity with this stored role ("viewer" or "admin") carries. */
  public static java.util.Set<String> granted(String role) {
    return ADMIN.equals(role) ? java.util.Set.of(VIEWER, ADMIN) : java.util.Set.of(VIEWER);
  }

  public static String checked(String role) {
    if (!VIEWER.equals(role) && !ADMIN.equals(role)) {
      throw new IllegalArgumentException("role must be viewer or admin, not " + role);
    }
    return role;
  }
}
