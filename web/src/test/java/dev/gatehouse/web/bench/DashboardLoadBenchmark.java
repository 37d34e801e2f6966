package dev.gatehouse.web.bench;

import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.auth.Sessions;
import dev.gatehouse.web.scan.ScanCloser;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Dashboard latency under load — not a test (its name keeps it out of {@code ./mvnw verify}).
 * Seeds an organization of 10,000 repositories with 100,000 findings of history (30% fixed, an
 * event each), 30 completed scans for the trend and 200 alerts; closes the latest scan for real;
 * then drives the overview and repository list with {@code wrk} (a second process on loopback,
 * 20 connections, signed in with a real session cookie) and prints p50/p95/p99.
 * Needs {@code wrk} ({@code apt-get install -y wrk}). Run, after {@code ./mvnw -q install -DskipTests}:
 * {@code ./mvnw -q -pl web test -Dtest=DashboardLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (options: {@code -Dbench.repos=10000 -Dbench.seconds=20 -Dbench.connections=20}).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class DashboardLoadBenchmark {

  static final int REPOS = Integer.getInteger("bench.repos", 10_000);
  static final int FINDINGS_PER_REPO = 10;
  static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  static final int CONNECTIONS = Integer.getInteger("bench.connections", 20);

  @Inject EntityManager em;
  @Inject ScanCloser closer;
  @Inject Sessions sessions;

  @Test
  void overviewAndRepositoryListUnderLoad() throws Exception {
    long[] scans = QuarkusTransaction.requiringNew().timeout(900).call(() -> ScanCloseBenchmark.seed(em, REPOS, FINDINGS_PER_REPO));
    closer.tryClose(scans[1]);
    QuarkusTransaction.requiringNew().timeout(600).run(this::history);
    // Steady state: autovacuum analyzes tables this freshly filled within a minute or so; without
    // statistics the planner guesses 0.5% of rows for "gone_at is null" and sorts instead of
    // reading the page from its index.
    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze").executeUpdate());
    long findings = QuarkusTransaction.requiringNew().call(() ->
        ((Number) em.createNativeQuery("select count(*) from finding").getSingleResult()).longValue());
    String cookie = Sessions.COOKIE + "=" + sessions.start("bench", Roles.VIEWER, "local");
    String base = "http://127.0.0.1:" + RestAssured.port;
    Path script = Files.createTempFile("wrk-p95", ".lua");
    Files.writeString(script, """
        done = function(summary, latency, requests)
          local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
          io.write(string.format("RESULT requests=%d rps=%.0f p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms errors=%d\\n",
            summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
            latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
        end
        """);
    // The two pages with a latency target first; then settings (10,000 repository overrides) and findings.
    List<String> paths = List.of("/orgs/bench-org", "/orgs/bench-org/repositories",
        "/orgs/bench-org/repositories?severity=high&sort=name&page=40", "/orgs/bench-org/repositories?q=repo-99&visibility=private",
        "/orgs/bench-org/settings", "/orgs/bench-org/findings", "/orgs/bench-org/findings?severity=high&status=all");
    List<String> results = new ArrayList<>();
    results.add(breakdown(cookie));
    for (String path : paths) {
      run(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d3s", "-H", "Cookie: " + cookie, base + path)); // warm-up
      String out = run(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + SECONDS + "s", "--timeout", "10s", "-H", "Cookie: " + cookie,
          "-s", script.toString(), base + path));
      results.add(String.format(Locale.ROOT, "%-62s %s", path, out.lines().filter(l -> l.startsWith("RESULT")).findFirst().orElse(out)));
    }
    System.out.printf(Locale.ROOT, "%ndashboard load: %d repositories, %d findings of history, %d connections, %d s per page%n%s%n%n",
        REPOS, findings, CONNECTIONS, SECONDS, String.join("\n", results));
  }

  /** Fixed findings, an event per finding, 30 completed scans with counts, 200 alerts. */
  private void history() {
    long org = ((Number) em.createNativeQuery("select id from organization where login = 'bench-org'").getSingleResult()).longValue();
    em.createNativeQuery("update finding set status = 'fixed', fixed_at = now() where organization_id = ?1 and id % 10 < 3")
        .setParameter(1, org).executeUpdate();
    em.createNativeQuery("insert into finding_event (finding_id, at, kind, after) select id, now() - interval '2 days', 'new', severity "
        + "from finding where organization_id = ?1").setParameter(1, org).executeUpdate();
    // Earlier scans for the trend (their snapshots are not needed: the overview reads only their counts).
    em.createNativeQuery("insert into scan (organization_id, trigger, status, started_at, finished_at, "
        + "open_critical, open_high, open_medium, open_low, open_info) select ?1, 'schedule', 'completed', now() - (d || ' days')::interval, "
        + "now() - (d || ' days')::interval, d, 1000 + d * 10, 5000 - d * 20, 300, 0 "
        + "from generate_series(2, 31) d").setParameter(1, org).executeUpdate();
    em.createNativeQuery("insert into alert (organization_id, scan_id, kind, severity, subject, message, created_at) "
        + "select ?1, (select max(id) from scan where organization_id = ?1), 'runner-registered', 'high', 'bench-org:runner:r' || i, "
        + "'Self-hosted runner r' || i || ' registered', now() - (i || ' minutes')::interval from generate_series(1, 200) i")
        .setParameter(1, org).executeUpdate();
    em.createNativeQuery("analyze").executeUpdate();
  }

  @Inject dev.gatehouse.web.repo.RepositoryQuery repositories;
  @Inject dev.gatehouse.web.overview.Overview overview;

  /** Where one request's time goes, sequentially (no contention): queries alone, then the whole request. */
  private String breakdown(String cookie) {
    var filter = new dev.gatehouse.web.repo.RepositoryQuery.Filter(null, null, null, null, null, null, null, 1);
    for (int i = 0; i < 300; i++) {
      repositories.find("bench-org", filter);
      overview.of("bench-org");
      RestAssured.given().header("Cookie", cookie).get("/orgs/bench-org/repositories").then().statusCode(200);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      repositories.find("bench-org", filter);
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      overview.of("bench-org");
    }
    long t2 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      RestAssured.given().header("Cookie", cookie).get("/orgs/bench-org/repositories").then().statusCode(200);
    }
    long t3 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      RestAssured.given().header("Cookie", cookie).get("/api/v1/organizations/bench-org/repositories?limit=50").then().statusCode(200);
    }
    long t4 = System.nanoTime();
    return String.format(Locale.ROOT, "sequential means: repository list queries %.2f ms, overview model %.2f ms, "
        + "repository list page %.2f ms, same list as JSON %.2f ms", (t1 - t0) / 200e6, (t2 - t1) / 200e6, (t3 - t2) / 200e6,
        (t4 - t3) / 200e6);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command.subList(0, 4)) + " failed: " + out);
    }
    return out;
  }
}
