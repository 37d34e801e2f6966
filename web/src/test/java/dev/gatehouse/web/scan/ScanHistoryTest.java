package dev.gatehouse.web.scan;

import io.quarkus.test.security.TestSecurity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.alert.AlertEntity;
import dev.gatehouse.web.demo.DemoGitHubServer;
import dev.gatehouse.web.demo.DemoOrg;
import dev.gatehouse.web.demo.DemoRepository;
import dev.gatehouse.web.finding.FindingEntity;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.InjectGitHubMock;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Issue 6's acceptance: drift between two scans, an interrupted scan resumed, two workers sharing a scan. */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class ScanHistoryTest {

  @InjectGitHubMock
  DemoGitHubServer github;

  @Inject
  ScanService scans;

  @Inject
  ScanWorker worker;

  @Inject
  ScanUnits units;


  static final String INJECTION = """
      on: issues
      permissions: {}
      jobs:
        triage:
          runs-on: ubuntu-latest
          steps:
            - run: echo "${{ github.event.issue.title }}"
      """;
  static final String CLEAN = """
      on: issues
      permissions: {}
      jobs:
        triage:
          runs-on: ubuntu-latest
          steps:
            - env:
                TITLE: ${{ github.event.issue.title }}
              run: echo "$TITLE"
      """;
  static final String PWN_REQUEST = """
      on: pull_request_target
      permissions:
        contents: read
      jobs:
        build:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
              with:
                ref: ${{ github.event.pull_request.head.sha }}
                persist-credentials: false
            - run: make test
      """;

  static DemoOrg org(String login, long id, Map<String, Map<String, String>> repos, String token, String runners) {
    List<DemoRepository> list = new ArrayList<>();
    long n = id * 100;
    for (Map.Entry<String, Map<String, String>> r : repos.entrySet()) {
      list.add(new DemoRepository(++n, login, r.getKey(), "public", false, false, "main", "2026-11-20T00:00:00Z", r.getValue()));
    }
    Map<String, String> rest = new LinkedHashMap<>();
    String o = "/orgs/" + login + "/actions";
    rest.put(o + "/permissions", "{\"enabled_repositories\":\"all\",\"allowed_actions\":\"all\",\"sha_pinning_required\":false}");
    rest.put(o + "/permissions/workflow", "{\"default_workflow_permissions\":\"" + token + "\",\"can_approve_pull_request_reviews\":false}");
    rest.put(o + "/permissions/fork-pr-contributor-approval", "{\"approval_policy\":\"all_external_contributors\"}");
    rest.put(o + "/runner-groups", "{\"total_count\":0,\"runner_groups\":[]}");
    rest.put(o + "/runners", runners);
    for (DemoRepository r : list) {
      rest.put("/repos/" + r.fullName() + "/actions/permissions", "{\"enabled\":true,\"allowed_actions\":\"all\"}");
      rest.put("/repos/" + r.fullName() + "/actions/runners", "{\"total_count\":0,\"runners\":[]}");
    }
    return new DemoOrg(login, id, list, rest);
  }

  long newScan(String login) {
    return ScanFixtures.newScan(login, github.apiUrl());
  }

  static long count(String sql, Object... params) {
    return ScanFixtures.count(sql, params);
  }

  ScanEntity scan(long id) {
    return QuarkusTransaction.requiringNew().call(() -> ScanEntity.findById(id));
  }

  List<AlertEntity> alerts(long scanId) {
    return QuarkusTransaction.requiringNew().call(() -> AlertEntity.<AlertEntity>list("scanId = ?1 order by id", scanId));
  }

  @Test
  void twoScansRaiseExactlyTheDriftBetweenThem() {
    String none = "{\"total_count\":0,\"runners\":[]}";
    github.update(org("drift-co", 71, Map.of("alpha", Map.of(".github/workflows/triage.yml", INJECTION),
        "beta", Map.of(".github/workflows/triage.yml", CLEAN)), "read", none));
    long first = newScan("drift-co");
    scans.orgPass(first, "drift-co");
    worker.drain(first, "w1");
    assertThat(scan(first).status).isEqualTo("completed");
    assertThat(alerts(first)).as("the first scan is the baseline").isEmpty();

    String runner = "{\"total_count\":1,\"runners\":[{\"id\":7,\"name\":\"gpu-7\",\"os\":\"linux\",\"status\":\"online\",\"busy\":false,"
        + "\"ephemeral\":false,\"version\":\"2.330.0\",\"labels\":[{\"name\":\"self-hosted\"},{\"name\":\"gpu\"}]}]}";
    github.update(org("drift-co", 71, Map.of("alpha", Map.of(".github/workflows/triage.yml", CLEAN),
        "beta", Map.of(".github/workflows/triage.yml", CLEAN, ".github/workflows/preview.yml", PWN_REQUEST)), "write", runner));
    long second = newScan("drift-co");
    scans.orgPass(second, "drift-co");
    worker.drain(second, "w1");

    List<AlertEntity> alerts = alerts(second);
    assertThat(alerts).extracting(a -> a.kind + " " + a.subject).containsExactlyInAnyOrder(
        "setting-changed drift-co:default_workflow_permissions",
        "runner-registered drift-co:runner:gpu-7",
        "finding-new drift-co/beta:.github/workflows/preview.yml:10");
    AlertEntity token = alerts.stream().filter(a -> a.kind.equals("setting-changed")).findFirst().orElseThrow();
    assertThat(token.before).isEqualTo("read");
    assertThat(token.after).isEqualTo("write");
    assertThat(alerts.stream().filter(a -> a.kind.equals("finding-new")).findFirst().orElseThrow().after)
        .isEqualTo("untrusted-checkout-exec");
    FindingEntity fixed = QuarkusTransaction.requiringNew().call(() -> FindingEntity.<FindingEntity>find(
        "subject = ?1 and ruleId = ?2", "drift-co/alpha", "template-injection").singleResult());
    assertThat(fixed.status).isEqualTo("fixed");
    assertThat(fixed.fixedScanId).isEqualTo(second);
  }

  @Test
  void anInterruptedScanIsResumedAndEveryRepositoryIsScannedOnce() {
    Map<String, Map<String, String>> repos = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      repos.put("svc-" + i, Map.of(".github/workflows/triage.yml", INJECTION));
    }
    github.update(org("resume-co", 72, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    long id = newScan("resume-co");
    scans.orgPass(id, "resume-co");
    assertThat(scan(id).unitsTotal).isEqualTo(30);

    worker.drain(id, "worker-a", 10, 1);          // commits 10 repositories, then "dies"
    List<ScanUnits.Unit> orphaned = QuarkusTransaction.requiringNew().call(() -> units.lease(id, "worker-b", 10, Duration.ZERO));
    assertThat(orphaned).hasSize(10);              // worker-b leases 10 and dies before committing any
    assertThat(scan(id).status).isEqualTo("running");

    worker.drain(id, "worker-c");                  // takes over the expired leases and the rest
    assertThat(scan(id).status).isEqualTo("completed");
    assertThat(scan(id).unitsDone).isEqualTo(30);
    assertThat(count("select count(*) from repo_snapshot where scan_id = ?1", id)).isEqualTo(30);
    assertThat(count("select count(distinct repository_id) from repo_snapshot where scan_id = ?1", id)).isEqualTo(30);
    assertThat(count("select count(*) from finding f join organization o on o.id = f.organization_id "
        + "where o.login = 'resume-co' and f.rule_id = 'template-injection'")).isEqualTo(30);
    assertThat(count("select count(*) from finding_event e join finding f on f.id = e.finding_id join organization o "
        + "on o.id = f.organization_id where o.login = 'resume-co' and e.kind = 'new' and f.rule_id = 'template-injection'")).isEqualTo(30);
    assertThat(count("select count(*) from scan_unit where scan_id = ?1 and attempts = 2", id)).isEqualTo(10);
  }

  @Test
  void twoWorkersShareOneScanAndEachRepositoryIsScannedOnce() throws Exception {
    Map<String, Map<String, String>> repos = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      repos.put("app-" + i, Map.of(".github/workflows/triage.yml", i % 2 == 0 ? INJECTION : CLEAN));
    }
    github.update(org("pair-co", 73, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    long id = newScan("pair-co");
    scans.orgPass(id, "pair-co");
    CompletableFuture<Void> one = CompletableFuture.runAsync(() -> worker.drain(id, "replica-1", 5, Integer.MAX_VALUE));
    CompletableFuture<Void> two = CompletableFuture.runAsync(() -> worker.drain(id, "replica-2", 5, Integer.MAX_VALUE));
    CompletableFuture.allOf(one, two).get();
    assertThat(scan(id).status).isEqualTo("completed");
    assertThat(scan(id).unitsDone).isEqualTo(40);
    assertThat(count("select count(*) from repo_snapshot where scan_id = ?1", id)).isEqualTo(40);
    assertThat(count("select count(*) from scan_unit where scan_id = ?1 and attempts = 1 and status = 'done'", id)).isEqualTo(40);
    assertThat(count("select count(*) from finding f join organization o on o.id = f.organization_id "
        + "where o.login = 'pair-co' and f.rule_id = 'template-injection' and f.status = 'open'")).isEqualTo(20);
  }
}
