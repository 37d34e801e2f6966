package dev.gatehouse.web.testing;

import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.scan.ScanView;
import java.time.Duration;

/** Runs a scan through the real service (collector, mock GitHub over HTTP, PostgreSQL) and waits for it. */
public final class Scans {
  private Scans() {}

  public static ScanView runAndWait(ScanService scans, String organization) {
    long id = scans.request(organization, "manual", "test").scan().id();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      ScanView scan = scans.find(id).orElseThrow();
      if (!"running".equals(scan.status())) {
        return scan;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("scan " + id + " of " + organization + " did not finish in 60 s");
  }
}
