package dev.gatehouse.web.scan;

import java.time.Instant;

/** A scan as the API and pages show it. */
public record ScanView(
    long id, String organization, String trigger, String status, String requestedBy,
    Instant startedAt, Instant finishedAt, Integer repositoryCount, String error, Integer requests,
    Integer rateLimitPoints, Integer notModified, Integer findingsOpen, Integer unitsTotal, int unitsDone,
    Long rateLimitRemaining) {

  static ScanView of(ScanEntity scan) {
    return new ScanView(scan.id, scan.organization.login, scan.trigger, scan.status, scan.requestedBy,
        scan.startedAt, scan.finishedAt, scan.repositoryCount, scan.error, scan.requests, scan.rateLimitPoints,
        scan.notModified, scan.findingsOpen, scan.unitsTotal, scan.unitsDone, null);
  }

  /** The same view with the rate limit GitHub last reported to this process. */
  ScanView withRateLimitRemaining(Long remaining) {
    return new ScanView(id, organization, trigger, status, requestedBy, startedAt, finishedAt, repositoryCount, error, requests,
        rateLimitPoints, notModified, findingsOpen, unitsTotal, unitsDone, remaining);
  }

  public boolean running() {
    return ScanEntity.RUNNING.equals(status);
  }
}
