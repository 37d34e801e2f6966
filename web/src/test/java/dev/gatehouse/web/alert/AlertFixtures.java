package dev.gatehouse.web.alert;

import dev.gatehouse.web.finding.FindingFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;

/** Alerts written straight to the database, at chosen times, for an organization of the test's own. */
final class AlertFixtures {

  private AlertFixtures() {}

  static long alert(FindingFixtures org, String kind, String severity, String subject, String before, String after,
      String message, String createdAt, String acknowledgedBy) {
    return QuarkusTransaction.requiringNew().call(() -> {
      AlertEntity a = new AlertEntity();
      a.organizationId = org.organizationId;
      a.scanId = org.scanId;
      a.kind = kind;
      a.severity = severity;
      a.subject = subject;
      a.before = before;
      a.after = after;
      a.message = message;
      a.createdAt = Instant.parse(createdAt);
      if (acknowledgedBy != null) {
        a.acknowledgedBy = acknowledgedBy;
        a.acknowledgedAt = a.createdAt.plusSeconds(3600);
        a.ackNote = "expected: the team created it";
      }
      a.persist();
      return a.id;
    });
  }
}
