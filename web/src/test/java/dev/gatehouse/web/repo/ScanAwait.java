package dev.gatehouse.web.repo;

import static io.restassured.RestAssured.given;

import java.time.Duration;

final class ScanAwait {
  private ScanAwait() {}

  static void finished(long id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!"running".equals(given().get("/api/v1/scans/" + id).then().extract().jsonPath().getString("status"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("scan " + id + " did not finish");
  }
}
