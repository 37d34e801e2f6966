package dev.gatehouse.scanner.collect;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one scan cost: requests sent, answers served from the ETag cache (304, free), REST
 * rate-limit points, GraphQL points (from {@code rateLimit.cost}), retries and time spent waiting.
 */
public final class ScanMeter {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong restPoints = new AtomicLong();
  private final AtomicLong graphqlPoints = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong waitedMillis = new AtomicLong();

  void countRequest() {
    requests.incrementAndGet();
  }

  void countNotModified() {
    notModified.incrementAndGet();
  }

  void restPoint() {
    restPoints.incrementAndGet();
  }

  void graphqlPoints(long cost) {
    graphqlPoints.addAndGet(cost);
  }

  void retry() {
    retries.incrementAndGet();
  }

  void waited(long millis) {
    waitedMillis.addAndGet(millis);
  }

  public long requests() {
    return requests.get();
  }

  public long notModified() {
    return notModified.get();
  }

  public long restPoints() {
    return restPoints.get();
  }

  public long graphqlPoints() {
    return graphqlPoints.get();
  }

  public long points() {
    return restPoints.get() + graphqlPoints.get();
  }

  public long retries() {
    return retries.get();
  }

  public long waitedMillis() {
    return waitedMillis.get();
  }

  @Override
  public String toString() {
    return "requests=" + requests() + " notModified=" + notModified() + " restPoints=" + restPoints()
        + " graphqlPoints=" + graphqlPoints() + " retries=" + retries() + " waitedMs=" + waitedMillis();
  }
}
