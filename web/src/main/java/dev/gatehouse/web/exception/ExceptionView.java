package dev.gatehouse.web.exception;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rule exception as pages and the API show it: from the policy file ({@code id} null, no
 * creator) or granted in Gatehouse. {@code organization} null applies to every organization;
 * {@code repository}, {@code file} and {@code job} are globs, null for any.
 */
public record ExceptionView(Long id, String source, String organization, String rule, String repository, String file, String job,
    String owner, String reason, LocalDate expires, boolean expired, String createdBy, Instant createdAt, Instant expiredAt) {

  public static final String POLICY_FILE = "policy file";
  public static final String GATEHOUSE = "gatehouse";

  public boolean expirable() {
    return id != null && !expired;
  }
}
