package dev.gatehouse.web.posture;

import dev.gatehouse.scanner.model.Readable;

/**
 * Whether a value was read from GitHub, and if not why: the HTTP status and GitHub's message, or
 * why the value does not apply. The reason is GitHub's text (or derived from a repository name),
 * so it is shown escaped like any other GitHub data.
 */
public record Readability(String state, Integer status, String reason) {

  public static final String AVAILABLE = "available";
  public static final String UNAVAILABLE = "unavailable";
  public static final String NOT_APPLICABLE = "not_applicable";

  public static Readability of(Readable<?> value) {
    if (value instanceof Readable.Unavailable<?> u) {
      return new Readability(UNAVAILABLE, u.status() > 0 ? u.status() : null, u.reason());
    }
    if (value instanceof Readable.NotApplicable<?> n) {
      return new Readability(NOT_APPLICABLE, null, n.reason());
    }
    return new Readability(AVAILABLE, null, null);
  }

  public boolean read() {
    return AVAILABLE.equals(state);
  }

  /** For people: "GitHub answered HTTP 404 Not Found (...)", "not applicable: ...", or empty when read. */
  public String explanation() {
    if (UNAVAILABLE.equals(state)) {
      if (status == null) {
        return "not read: " + reason;
      }
      // The collector's reasons start with the status ("404 Not Found (...)"); GitHub's message follows it.
      return "GitHub answered HTTP " + (reason.startsWith(status + "") ? reason : status + ": " + reason);
    }
    return NOT_APPLICABLE.equals(state) ? "not applicable: " + reason : "";
  }
}
