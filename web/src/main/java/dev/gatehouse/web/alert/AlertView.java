package dev.gatehouse.web.alert;

import java.time.Instant;

/** An alert as the API shows it. */
public record AlertView(long id, long scanId, String kind, String severity, String subject, String before, String after,
    String message, Instant createdAt, Instant acknowledgedAt, String acknowledgedBy, String ackNote) {

  public static AlertView of(AlertEntity a) {
    return new AlertView(a.id, a.scanId, a.kind, a.severity, a.subject, a.before, a.after, a.message, a.createdAt,
        a.acknowledgedAt, a.acknowledgedBy, a.ackNote);
  }
}
