package dev.gatehouse.scanner.rule;

import java.time.LocalDate;

/**
 * Why a finding does not count: an inline comment in the audited repository (declared by the
 * repository itself) or an exception granted in the central policy.
 */
public record Suppression(Kind kind, String reason, String owner, LocalDate expires) {

  public enum Kind {
    /** {@code # gatehouse: ignore[rule] reason} in the file. */
    INLINE,
    /** {@code # zizmor: ignore[rule]} in the file. */
    INLINE_ZIZMOR,
    /** An exception in the policy file. */
    EXCEPTION
  }

  public boolean repoDeclared() {
    return kind != Kind.EXCEPTION;
  }
}
