package dev.gatehouse.web.finding;

import java.time.Instant;

/** One change in a finding's history, as the API shows it. */
public record FindingEventView(Instant at, Long scanId, String kind, String before, String after) {

  static FindingEventView of(FindingEventEntity e) {
    return new FindingEventView(e.at, e.scanId, e.kind, e.before, e.after);
  }
}
