package dev.gatehouse.web.bench;

import io.quarkus.test.security.TestSecurity;
import dev.gatehouse.web.export.FindingExport;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Export memory — not a test (its name keeps it out of {@code ./mvnw verify}): 100,000 findings
 * with history, exported as CSV, JSON and SARIF (now and as of a past instant) into a sink;
 * prints bytes, time and peak heap. Run it in a 256 MB heap to show the export streams:
 * {@code ./mvnw -q -pl web test -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m}.
 */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class ExportBenchmark {

  static final int FINDINGS = Integer.getInteger("bench.findings", 100_000);

  @Inject
  FindingExport export;

  @Inject
  EntityManager em;

  @Test
  void exportOneHundredThousandFindings() {
    QuarkusTransaction.requiringNew().timeout(600).run(() -> {
      em.createNativeQuery("insert into organization (login, api_url) values ('export-bench', 'http://localhost')").executeUpdate();
      long org = ((Number) em.createNativeQuery("select id from organization where login = 'export-bench'").getSingleResult()).longValue();
      em.createNativeQuery("insert into finding (organization_id, subject, scope, fingerprint, rule_id, severity, confidence, message, "
              + "file, line, col, path, status, first_seen_at, last_seen_at) "
              + "select ?1, 'export-bench/repo-' || (i / 10), 'workflow', md5(i::text), 'unpinned-action', 'medium', 'high', "
              + "'actions/checkout@v4 is not pinned to a commit SHA, \"as\" the policy, requires', '.github/workflows/ci.yml', "
              + "i % 300, 9, 'jobs.test.steps[0]', 'open', now() - interval '10 days', now() from generate_series(1, ?2) i")
          .setParameter(1, org).setParameter(2, FINDINGS).executeUpdate();
      em.createNativeQuery("insert into finding_event (finding_id, at, kind, after) "
          + "select id, now() - interval '10 days', 'new', severity from finding where organization_id = ?1").setParameter(1, org).executeUpdate();
    });
    run(FindingExport.Format.CSV, null);
    run(FindingExport.Format.JSON, null);
    run(FindingExport.Format.SARIF, null);
    runOrgSarif();
    run(FindingExport.Format.CSV, Instant.now().minusSeconds(86_400));
  }

  private void runOrgSarif() {
    long[] bytes = {0};
    OutputStream sink = new OutputStream() {
      @Override
      public void write(int b) {
        bytes[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes[0] += len;
      }
    };
    long start = System.nanoTime();
    QuarkusTransaction.requiringNew().timeout(600).run(() -> export.write("export-bench", null, FindingExport.Format.SARIF, sink, false));
    System.out.printf(Locale.ROOT, "export SARIF one run per organization: %,d bytes in %d ms%n", bytes[0], (System.nanoTime() - start) / 1_000_000);
  }

  private void run(FindingExport.Format format, Instant at) {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long[] bytes = {0};
    OutputStream sink = new OutputStream() {
      @Override
      public void write(int b) {
        bytes[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes[0] += len;
      }
    };
    long start = System.nanoTime();
    QuarkusTransaction.requiringNew().timeout(600).run(() -> export.write("export-bench", at, format, sink));
    long ms = (System.nanoTime() - start) / 1_000_000;
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(Locale.ROOT, "export %-5s %-7s %,d findings: %,d bytes in %d ms, peak heap %d MB (max heap %d MB)%n",
        format, at == null ? "now" : "as-of", FINDINGS, bytes[0], ms, peak / (1024 * 1024),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
