package dev.gatehouse.web.scan;

import java.time.Instant;
import java.util.List;

/**
 * A scan as the API and pages show it. {@code unitsFailed} repositories could not be scanned
 * (their findings stay as their last successful scan left them); {@code failures} names them with
 * the reason when a single scan is read, and is empty in lists.
 */
public record ScanView(
    long id, String organization, String trigger, String status, String requestedBy,
    Instant startedAt, Instant finishedAt, Integer repositoryCount, String error, Integer requests,
    Integer rateLimitPoints, Integer notModified, Integer findingsOpen, Integer unitsTotal, int unitsDone,
    int unitsFailed, List<ScanUnits.Failed> failures, Long rateLimitRemaining) {

  /** The most failures a single scan lists; {@code unitsFailed} counts them all. */
  static final int FAILURES_SHOWN = 100;

  static ScanView of(ScanEntity scan) {
    return new ScanView(scan.id, scan.organization.login, scan.trigger, scan.status, scan.requestedBy,
        scan.startedAt, scan.finishedAt, scan.repositoryCount, scan.error, scan.requests, scan.rateLimitPoints,
        scan.notModified, scan.findingsOpen, scan.unitsTotal, scan.unitsDone, scan.unitsFailed, List.of(), null);
  }

  /** The same view with the rate limit GitHub last reported to this process. */
  ScanView withRateLimitRemaining(Long remaining) {
    return new ScanView(id, organization, trigger, status, requestedBy, startedAt, finishedAt, repositoryCount, error, requests,
        rateLimitPoints, notModified, findingsOpen, unitsTotal, unitsDone, unitsFailed, failures, remaining);
  }

  ScanView withFailures(List<ScanUnits.Failed> failed) {
    return new ScanView(id, organization, trigger, status, requestedBy, startedAt, finishedAt, repositoryCount, error, requests,
        rateLimitPoints, notModified, findingsOpen, unitsTotal, unitsDone, unitsFailed, List.copyOf(failed), rateLimitRemaining);
  }

  public boolean running() {
    return ScanEntity.RUNNING.equals(status);
  }
}
