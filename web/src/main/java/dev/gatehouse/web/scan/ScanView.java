package dev.gatehouse.web.scan;

import java.time.Instant;

/** A scan as the API and pages show it. */
public record ScanView(
    long id, String organization, String trigger, String status, String requestedBy,
    Instant startedAt, Instant finishedAt, Integer repositoryCount, String error) {

  static ScanView of(ScanEntity scan) {
    return new ScanView(scan.id, scan.organization.login, scan.trigger, scan.status, scan.requestedBy,
        scan.startedAt, scan.finishedAt, scan.repositoryCount, scan.error);
  }

  public boolean running() {
    return ScanEntity.RUNNING.equals(status);
  }
}
