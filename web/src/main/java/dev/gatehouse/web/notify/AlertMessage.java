package dev.gatehouse.web.notify;

import dev.gatehouse.web.alert.DriftEvent;
import java.time.Instant;

/**
 * One drift alert as it leaves the service. Every string except {@code severity} and {@code kind}
 * may carry text chosen by whoever controls the organization's repositories, so each payload
 * format escapes it for its own syntax.
 *
 * @param kind what happened, such as {@code setting-changed}, {@code runner-registered}, {@code finding-new}
 * @param severity {@code info}, {@code low}, {@code medium}, {@code high} or {@code critical}
 */
public record AlertMessage(
    String organization, long scanId, String kind, String severity, String subject,
    String before, String after, String message, Instant at) {

  public static AlertMessage of(String organization, long scanId, DriftEvent event, Instant at) {
    return new AlertMessage(organization, scanId, event.kind(), event.severity().id(), event.subject(),
        event.before(), event.after(), event.message(), at);
  }
}
