package dev.gatehouse.web.scan;

import static dev.gatehouse.web.scan.ScanFixtures.count;
import static dev.gatehouse.web.scan.ScanFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.demo.DemoGitHubServer;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.InjectGitHubMock;
import dev.gatehouse.web.testing.RestartablePostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts while a scan is being worked: the worker stops, nothing it committed is
 * lost, and once the database is back the scan is resumed from its units (this process takes back
 * the leases its stopped worker held) and completes with every repository scanned exactly once.
 */
@QuarkusTest
@WithTestResource(RestartablePostgresResource.class)
@WithTestResource(GitHubMockResource.class)
class DatabaseRestartTest {

  @InjectGitHubMock
  DemoGitHubServer github;

  @Inject ScanService scans;
  @Inject ScanWorker worker;

  @AfterEach
  void fast() {
    github.latency(Duration.ZERO);
  }

  @Test
  void aScanInterruptedByADatabaseRestartIsResumedAndScansEveryRepositoryOnce() throws Exception {
    Map<String, Map<String, String>> repos = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      repos.put("svc-" + i, Map.of(".github/workflows/triage.yml", ScanHistoryTest.INJECTION));
    }
    github.update(ScanHistoryTest.org("restart-co", 91, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    long id = ScanFixtures.newScan("restart-co", github.apiUrl());
    scans.orgPass(id, "restart-co");

    // Slow GitHub answers keep the worker busy between its commits while the database goes away.
    github.latency(Duration.ofMillis(150));
    // This process's own worker, as a scan started here works it.
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> worker.drain(id, scans.owner(), 4, Integer.MAX_VALUE));
    Instant deadline = Instant.now().plusSeconds(60);
    while (count("select units_done from scan where id = ?1", id) < 1) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(10);
    }
    RestartablePostgresResource.restart();

    Throwable stopped = null;
    try {
      first.get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      stopped = e.getCause();
    }
    assertThat(stopped).as("the worker must have lost the database mid-scan").isNotNull();
    github.latency(Duration.ZERO);
    awaitDatabase();
    long committedBefore = count("select units_done from scan where id = ?1", id);
    assertThat(committedBefore).isBetween(1L, 11L);
    assertThat(status(id)).isEqualTo("running"); // not failed: the scan waits to be resumed

    // What the poller does every minute: this process takes back its stopped worker's leases at once
    // (no waiting for them to expire) and works the rest.
    // (Repeated here every 200 ms instead of every minute, in case a stale pooled connection stops a resumed worker once.)
    Instant resumed = Instant.now().plusSeconds(60);
    while (!"completed".equals(statusOrNull(id))) {
      assertThat(Instant.now()).as("resumed scan completes").isBefore(resumed);
      try {
        scans.resumeAvailable();
      } catch (RuntimeException staleConnection) {
        // the poller logs it and tries again next time
      }
      Thread.sleep(200);
    }
    assertThat(count("select units_done from scan where id = ?1", id)).isEqualTo(12);
    assertThat(count("select count(*) from repo_snapshot where scan_id = ?1", id)).isEqualTo(12);
    assertThat(count("select count(distinct repository_id) from repo_snapshot where scan_id = ?1", id)).isEqualTo(12);
    assertThat(count("select count(*) from finding_event e join finding f on f.id = e.finding_id join organization o "
        + "on o.id = f.organization_id where o.login = 'restart-co' and e.kind = 'new' and f.rule_id = 'template-injection'"))
        .isEqualTo(12);
  }

  /** The pool's connections died with the server: each failed use retires one, until a fresh one answers. */
  private void awaitDatabase() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      try {
        count("select 1");
        return;
      } catch (RuntimeException e) {
        assertThat(Instant.now()).as("database back within a minute: " + e).isBefore(deadline);
        Thread.sleep(100);
      }
    }
  }

  private String statusOrNull(long id) {
    try {
      return status(id);
    } catch (RuntimeException staleConnection) {
      return null;
    }
  }

}
