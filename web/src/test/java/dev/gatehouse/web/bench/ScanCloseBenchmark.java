package dev.gatehouse.web.bench;

import io.quarkus.test.security.TestSecurity;
import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.WorkflowBlob;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.web.alert.AlertEntity;
import dev.gatehouse.web.scan.ScanCloser;
import dev.gatehouse.web.snapshot.SnapshotJson;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Scan close at scale — not a test (its name keeps it out of {@code ./mvnw verify}): an
 * organization of 10,000 repositories with 50,000 findings of history, a previous completed scan
 * and a current one whose units are all done; prints how long closing takes (settings and runner
 * rules over the whole organization, settings findings merged, drift against the previous scan,
 * alerts). Run: {@code ./mvnw -q -pl web test -Dtest=ScanCloseBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (after {@code ./mvnw -q install -DskipTests}).
 */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class ScanCloseBenchmark {

  static final int REPOS = Integer.getInteger("bench.repos", 10_000);
  static final int FINDINGS_PER_REPO = 5;
  static final int DISTINCT_WORKFLOWS = 500;

  @Inject
  ScanCloser closer;

  @Inject
  EntityManager em;

  @Test
  void closeALargeScan() {
    long seedStart = System.nanoTime();
    long[] ids = QuarkusTransaction.requiringNew().timeout(600).call(() -> seed(em, REPOS, FINDINGS_PER_REPO));
    long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
    System.gc();
    long start = System.nanoTime();
    List<AlertEntity> alerts = closer.tryClose(ids[1]);
    long ms = (System.nanoTime() - start) / 1_000_000;
    long findings = QuarkusTransaction.requiringNew().call(() ->
        ((Number) em.createNativeQuery("select count(*) from finding").getSingleResult()).longValue());
    System.out.printf(Locale.ROOT, "%nscan close: %d repositories, %d findings of history (seeded in %d ms): closed in %d ms, "
            + "%d alerts; heap used now %d MB%n%n", REPOS, findings, seedMs, ms, alerts.size(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
  }

  /** Seeds bench-org: a completed and a running scan, repositories, snapshots, findings; returns {previous, current}. */
  static long[] seed(EntityManager em, int repos, int findingsPerRepo) {
    em.createNativeQuery("insert into organization (login, api_url) values ('bench-org', 'http://localhost')").executeUpdate();
    long org = ((Number) em.createNativeQuery("select id from organization where login = 'bench-org'").getSingleResult()).longValue();
    em.createNativeQuery("insert into scan (organization_id, trigger, status, started_at, finished_at) "
        + "values (?1, 'schedule', 'completed', now() - interval '1 day', now() - interval '1 day')").setParameter(1, org).executeUpdate();
    em.createNativeQuery("insert into scan (organization_id, trigger, status, started_at) values (?1, 'schedule', 'running', now())")
        .setParameter(1, org).executeUpdate();
    @SuppressWarnings("unchecked")
    List<Number> scans = em.createNativeQuery("select id from scan where organization_id = ?1 order by id").setParameter(1, org).getResultList();
    long previous = scans.get(0).longValue();
    long current = scans.get(1).longValue();
    em.createNativeQuery("insert into repository (organization_id, github_id, name, full_name, visibility, fork, archived, "
        + "default_branch, last_scan_id) select ?1, 5000000 + i, 'repo-' || i, 'bench-org/repo-' || i, "
        + "case when i % 3 = 0 then 'private' else 'public' end, false, false, 'main', ?2 from generate_series(1, ?3) i")
        .setParameter(1, org).setParameter(2, current).setParameter(3, repos).executeUpdate();
    for (int w = 0; w < DISTINCT_WORKFLOWS; w++) {
      em.createNativeQuery("insert into workflow_blob (sha, content) values (?1, ?2)").setParameter(1, "sha" + w)
          .setParameter(2, "name: CI " + w + "\non: [push, pull_request]\npermissions:\n  contents: read\njobs:\n  test:\n"
              + "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n"
              + "          persist-credentials: false\n      - uses: acme/tool-" + (w % 40) + "@v1\n      - run: make test\n")
          .executeUpdate();
    }
    List<RepositoryInfo> infos = new ArrayList<>();
    for (int i = 1; i <= repos; i++) {
      infos.add(new RepositoryInfo(5_000_000L + i, "R" + i, "repo-" + i, "bench-org/repo-" + i, i % 3 == 0 ? "private" : "public",
          false, false, "main", Instant.parse("2026-11-01T00:00:00Z"), null, "h" + i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> repoIds = em.createNativeQuery("select id, github_id from repository where organization_id = ?1 order by github_id")
        .setParameter(1, org).getResultList();
    for (int i = 0; i < repos; i++) {
      RepositoryInfo info = infos.get(i);
      RepoSnapshot snap = new RepoSnapshot(info, info.headSha(), true,
          Readable.of(List.of(new WorkflowBlob(".github/workflows/ci.yml", "sha" + (i % DISTINCT_WORKFLOWS), null, null))),
          Readable.of(new ActionsPermissions(null, true, "all", false)), Readable.notApplicable("allowed_actions is all"),
          Readable.of(new WorkflowTokenDefaults("read", false)), Readable.notApplicable("read at organization level"),
          Readable.notApplicable("public"), Readable.notApplicable("public"), Readable.of(List.of()),
          Readable.notApplicable("no workflow names an environment"));
      em.createNativeQuery("insert into repo_snapshot (scan_id, repository_id, head_sha, contents_reused, snapshot) "
              + "values (?1, ?2, ?3, true, cast(?4 as jsonb))")
          .setParameter(1, current).setParameter(2, ((Number) repoIds.get(i)[0]).longValue()).setParameter(3, info.headSha())
          .setParameter(4, SnapshotJson.write(snap)).executeUpdate();
    }
    List<Runner> runners = new ArrayList<>();
    for (int r = 0; r < 50; r++) {
      runners.add(new Runner(r, "runner-" + r, "linux", "online", false, r % 2 == 0, "2.330.0", List.of("self-hosted", "linux"), (long) (r % 5)));
    }
    List<RunnerGroup> groups = new ArrayList<>();
    for (int g = 0; g < 5; g++) {
      groups.add(new RunnerGroup(g, "group-" + g, "all", g == 0, false, false, true, List.of(), Readable.notApplicable("all")));
    }
    OrgSnapshot before = org("read", infos, runners.subList(0, 49), groups);
    OrgSnapshot after = org("write", infos, runners, groups);
    em.createNativeQuery("insert into org_snapshot (scan_id, organization_id, snapshot) values (?1, ?2, cast(?3 as jsonb))")
        .setParameter(1, previous).setParameter(2, org).setParameter(3, SnapshotJson.write(before)).executeUpdate();
    em.createNativeQuery("insert into org_snapshot (scan_id, organization_id, snapshot) values (?1, ?2, cast(?3 as jsonb))")
        .setParameter(1, current).setParameter(2, org).setParameter(3, SnapshotJson.write(after)).executeUpdate();
    em.createNativeQuery("insert into scan_unit (scan_id, repository_id, status, attempts, finished_at) "
        + "select ?1, id, 'done', 1, now() from repository where organization_id = ?2").setParameter(1, current).setParameter(2, org)
        .executeUpdate();
    // As the organization pass records it.
    em.createNativeQuery("update scan set (repository_count, units_total) = (select count(*), count(*) from repository "
        + "where organization_id = ?2) where id = ?1").setParameter(1, current).setParameter(2, org).executeUpdate();
    em.createNativeQuery("insert into finding (organization_id, subject, scope, fingerprint, rule_id, severity, confidence, message, "
            + "file, line, col, path, status, first_seen_scan_id, first_seen_at, last_seen_scan_id, last_seen_at) "
            + "select ?1, 'bench-org/repo-' || r, 'workflow', md5(r || ':' || k), 'unpinned-action', "
            + "case when k = 0 then 'high' else 'medium' end, 'high', 'finding ' || k, '.github/workflows/ci.yml', 10 + k, 9, "
            + "'jobs.test.steps[' || k || ']', 'open', ?2, now() - interval '1 day', ?3, now() "
            + "from generate_series(1, ?4) r, generate_series(0, ?5) k")
        .setParameter(1, org).setParameter(2, previous).setParameter(3, current).setParameter(4, repos)
        .setParameter(5, findingsPerRepo - 1).executeUpdate();
    em.createNativeQuery("insert into finding_event (finding_id, scan_id, at, kind, after) select id, ?1, now(), 'new', severity "
        + "from finding where organization_id = ?2 and line = 10 order by id limit 100").setParameter(1, current).setParameter(2, org)
        .executeUpdate();
    return new long[] {previous, current};
  }

  private static OrgSnapshot org(String token, List<RepositoryInfo> repos, List<Runner> runners, List<RunnerGroup> groups) {
    return new OrgSnapshot("bench-org", Readable.notApplicable("-"), repos,
        Readable.of(new ActionsPermissions("all", null, "selected", false)),
        Readable.of(new SelectedActions(true, false, List.of("acme/*"))),
        Readable.of(new WorkflowTokenDefaults(token, false)), Readable.of("all_external_contributors"),
        Readable.notApplicable("no private repositories"), Readable.of("selected"), Readable.of(groups), Readable.of(runners));
  }
}
