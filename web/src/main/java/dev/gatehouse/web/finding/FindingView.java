package dev.gatehouse.web.finding;

import java.time.Instant;

/** A finding as the API shows it; {@code state} folds status and suppression into what a reviewer acts on. */
public record FindingView(
    long id, String subject, String scope, String ruleId, String severity, String confidence, String message, String file,
    int line, int column, String path, String status, String state, String suppressionKind, String suppressionReason,
    String suppressionOwner, String fingerprint, Instant firstSeenAt, Instant lastSeenAt, Instant fixedAt,
    int reintroducedCount) {

  static FindingView of(FindingEntity f) {
    return new FindingView(f.id, f.subject, f.scope, f.ruleId, f.severity, f.confidence, f.message, f.file, f.line, f.column,
        f.path, f.status, FindingState.of(f.status, f.suppressionKind).id(), f.suppressionKind, f.suppressionReason,
        f.suppressionOwner, f.fingerprint, f.firstSeenAt, f.lastSeenAt, f.fixedAt, f.reintroducedCount);
  }
}
