package dev.gatehouse.web.scan;

import static io.restassured.RestAssured.given;
import static dev.gatehouse.web.scan.ScanFixtures.count;
import static dev.gatehouse.web.scan.ScanFixtures.execute;
import static dev.gatehouse.web.scan.ScanFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.WorkflowBlob;
import dev.gatehouse.web.demo.DemoGitHubServer;
import dev.gatehouse.web.report.ControlReport;
import dev.gatehouse.web.snapshot.SnapshotStore;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.InjectGitHubMock;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One repository must not be able to stop its organization's scan: a binary file committed as a
 * workflow, a repository whose commit keeps failing in the database (a real PostgreSQL trigger
 * raising an error), or one that fails once and then works.
 */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class ScanResilienceTest {

  @InjectGitHubMock
  DemoGitHubServer github;

  @Inject ScanService scans;
  @Inject ScanWorker worker;
  @Inject SnapshotStore snapshots;
  @Inject ControlReport controls;

  static final String BINARY = "\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000on: push\u0000jobs: {}\n";

  @AfterEach
  void dropTriggers() {
    execute("drop trigger if exists refuse_snapshot on repo_snapshot");
    execute("drop function if exists refuse_snapshot()");
  }

  @Test
  void aBinaryWorkflowFileIsAuditedAndStoredByteExactAndTheScanCompletes() {
    Map<String, Map<String, String>> repos = new LinkedHashMap<>();
    repos.put("firmware", Map.of(".github/workflows/blob.yml", BINARY));
    repos.put("site", Map.of(".github/workflows/triage.yml", ScanHistoryTest.INJECTION));
    github.update(ScanHistoryTest.org("binary-co", 81, repos, "read", "{\"total_count\":0,\"runners\":[]}"));

    long id = scan("binary-co");
    assertThat(status(id)).isEqualTo("completed");
    assertThat(count("select units_failed from scan where id = ?1", id)).isZero();
    assertThat(count("select count(*) from finding where subject = 'binary-co/firmware' and rule_id = 'workflow-parse-error' "
        + "and status = 'open' and message like '%NUL%'")).isEqualTo(1);
    assertThat(count("select count(*) from finding where subject = 'binary-co/site' and rule_id = 'template-injection'")).isEqualTo(1);
    RepoSnapshot stored = QuarkusTransaction.requiringNew().call(() -> snapshots.repos(id)).stream()
        .filter(r -> r.repository().name().equals("firmware")).findFirst().orElseThrow();
    assertThat(stored.files().orNull()).extracting(WorkflowBlob::text).containsExactly(BINARY);

    // The next scan reuses the stored bytes (same head) and audits them the same way: nothing fixed, nothing new.
    long next = scan("binary-co");
    assertThat(status(next)).isEqualTo("completed");
    assertThat(count("select count(*) from finding_event e join finding f on f.id = e.finding_id "
        + "where e.scan_id = ?1 and e.kind in ('new', 'fixed')", next)).isZero();
  }

  @Test
  void aFileLastReadWithATemporaryProblemIsReadAgainNotReused() {
    Map<String, Map<String, String>> repos = new LinkedHashMap<>();
    repos.put("svc", Map.of(".github/workflows/triage.yml", ScanHistoryTest.INJECTION));
    github.update(ScanHistoryTest.org("settle-co", 86, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    long id = scan("settle-co");
    long repositoryId = count("select id from repository where full_name = 'settle-co/svc'");
    java.util.function.Supplier<Boolean> reusable = () -> QuarkusTransaction.requiringNew()
        .call(() -> snapshots.known(List.of(repositoryId), id + 1_000_000)).containsKey("settle-co/svc");
    assertThat(reusable.get()).isTrue();

    String problem = "update repo_snapshot set snapshot = jsonb_set(snapshot, '{files,value,0,problem}', to_jsonb(cast(?1 as text))) "
        + "where scan_id = ?2 and repository_id = ?3";
    execute(problem, "could not read the full file: 502 Bad Gateway", id, repositoryId);
    assertThat(reusable.get()).isFalse(); // a failed read may succeed next time: read the commit again
    execute(problem, WorkflowBlob.BINARY, id, repositoryId);
    assertThat(reusable.get()).isTrue(); // the file's own property: the same on every read of this commit
  }

  @Test
  void aRepositoryThatKeepsFailingIsGivenUpAndTheScanCompletesWithoutFixingItsFindings() {
    Map<String, Map<String, String>> repos = new LinkedHashMap<>();
    for (String name : List.of("api", "poison", "web")) {
      repos.put(name, Map.of(".github/workflows/triage.yml", ScanHistoryTest.INJECTION));
    }
    github.update(ScanHistoryTest.org("poison-co", 82, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    assertThat(status(scan("poison-co"))).isEqualTo("completed");
    assertThat(openInjections("poison-co/poison")).isEqualTo(1);

    // Every repository is fixed on GitHub, but poison's commit always fails in the database.
    repos.replaceAll((name, files) -> Map.of(".github/workflows/triage.yml", ScanHistoryTest.CLEAN));
    github.update(ScanHistoryTest.org("poison-co", 82, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    refuseSnapshotsOf("poison-co/poison", Integer.MAX_VALUE);

    long id = scan("poison-co");
    assertThat(status(id)).isEqualTo("completed");
    assertThat(count("select units_failed from scan where id = ?1", id)).isEqualTo(1);
    assertThat(count("select units_done from scan where id = ?1", id)).isEqualTo(2);
    assertThat(count("select attempts from scan_unit u join repository r on r.id = u.repository_id "
        + "where u.scan_id = ?1 and r.full_name = 'poison-co/poison' and u.status = 'failed'", id)).isEqualTo(ScanUnits.MAX_ATTEMPTS);
    // The others are fixed; poison was not read, so its finding is unknown, and stays open.
    assertThat(openInjections("poison-co/api")).isZero();
    assertThat(openInjections("poison-co/web")).isZero();
    assertThat(openInjections("poison-co/poison")).isEqualTo(1);

    JsonPath json = given().get("/api/v1/scans/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(json.getInt("unitsFailed")).isEqualTo(1);
    assertThat(json.getString("failures[0].repository")).isEqualTo("poison-co/poison");
    assertThat(json.getString("failures[0].error")).contains("scanning it failed", "refused by test trigger", "gave up after 3 attempts")
        .doesNotContain("\tat ");
    String overview = given().accept("text/html").get("/orgs/poison-co").then().statusCode(200).extract().asString();
    assertThat(overview).contains("id=\"scan-failures\"", "poison-co/poison", "1 repository could not be scanned");
  }

  @Test
  void aRepositoryThatFailsOnceIsScannedOnItsNextAttempt() {
    Map<String, Map<String, String>> repos = new LinkedHashMap<>();
    repos.put("flaky", Map.of(".github/workflows/triage.yml", ScanHistoryTest.INJECTION));
    repos.put("steady", Map.of(".github/workflows/triage.yml", ScanHistoryTest.INJECTION));
    github.update(ScanHistoryTest.org("flaky-co", 83, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    refuseSnapshotsOf("flaky-co/flaky", 1);

    long id = scan("flaky-co");
    assertThat(status(id)).isEqualTo("completed");
    assertThat(count("select units_failed from scan where id = ?1", id)).isZero();
    assertThat(count("select units_done from scan where id = ?1", id)).isEqualTo(2);
    assertThat(count("select attempts from scan_unit u join repository r on r.id = u.repository_id "
        + "where u.scan_id = ?1 and r.full_name = 'flaky-co/flaky' and u.status = 'done'", id)).isEqualTo(2);
    assertThat(openInjections("flaky-co/flaky")).isEqualTo(1);
    assertThat(given().get("/api/v1/scans/" + id).then().statusCode(200).extract().jsonPath().getList("failures")).isEmpty();
  }

  @Test
  void findingsOfARepositoryThatLeftTheOrganizationAreClosedAndItLeavesTheLists() {
    Map<String, Map<String, String>> repos = new LinkedHashMap<>();
    repos.put("keep", Map.of(".github/workflows/triage.yml", ScanHistoryTest.INJECTION));
    repos.put("doomed", Map.of(".github/workflows/triage.yml", ScanHistoryTest.INJECTION));
    github.update(ScanHistoryTest.org("gone-co", 84, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    assertThat(status(scan("gone-co"))).isEqualTo("completed");
    assertThat(openInjections("gone-co/doomed")).isEqualTo(1);

    repos.remove("doomed");
    github.update(ScanHistoryTest.org("gone-co", 84, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    long id = scan("gone-co");
    assertThat(status(id)).isEqualTo("completed");
    assertThat(openInjections("gone-co/doomed")).isZero();
    assertThat(openInjections("gone-co/keep")).isEqualTo(1);
    long doomedOpen = count("select count(*) from finding where subject = 'gone-co/doomed'"); // all were open after the first scan
    assertThat(doomedOpen).isGreaterThan(1); // the injection and the repository's settings findings
    assertThat(count("select count(*) from finding_event e join finding f on f.id = e.finding_id where f.subject = 'gone-co/doomed' "
        + "and e.scan_id = ?1 and e.kind = 'fixed' and e.after = ?2", id, ScanCloser.GONE)).isEqualTo(doomedOpen);
    assertThat(count("select count(*) from alert where scan_id = ?1 and kind = 'repository-removed' and subject = 'gone-co/doomed'", id))
        .isEqualTo(1);
    assertThat(given().get("/api/v1/organizations/gone-co/repositories").then().statusCode(200).extract().jsonPath()
        .getList("items.fullName")).containsExactly("gone-co/keep");
    assertThat(count("select count(*) from finding where subject = 'gone-co/doomed' and status = 'open'")).isZero();
    assertThat(count("select findings_open from scan where id = ?1", id)).isEqualTo(count("select count(*) from finding f "
        + "join organization o on o.id = f.organization_id where o.login = 'gone-co' and f.status = 'open' and f.suppression_kind is null"));
  }

  @Test
  void theControlReportIsTheClosedScansEvenWhenFirstBuiltWhileTheNextScanRuns() {
    Map<String, Map<String, String>> repos = new LinkedHashMap<>();
    repos.put("a-first", Map.of(".github/workflows/triage.yml", ScanHistoryTest.CLEAN));
    repos.put("b-second", Map.of(".github/workflows/triage.yml", ScanHistoryTest.CLEAN));
    github.update(ScanHistoryTest.org("report-co", 85, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    long first = scan("report-co");
    assertThat(status(first)).isEqualTo("completed");

    repos.put("a-first", Map.of(".github/workflows/triage.yml", ScanHistoryTest.INJECTION));
    github.update(ScanHistoryTest.org("report-co", 85, repos, "read", "{\"total_count\":0,\"runners\":[]}"));
    long second = newScan("report-co");
    scans.orgPass(second, "report-co");
    worker.drain(second, "half-worker", 1, 1); // a-first is committed with its new finding; the scan is still running
    assertThat(openInjections("report-co/a-first")).isEqualTo(1);

    ControlReport.Report during = controls.build("report-co");
    assertThat(during.scanId()).isEqualTo(first);
    assertThat(injectionEvidence(during)).isZero();

    worker.drain(second, "rest-worker");
    ControlReport.Report after = controls.build("report-co");
    assertThat(after.scanId()).isEqualTo(second);
    assertThat(injectionEvidence(after)).isEqualTo(1);
    assertThat(after.controls().stream().filter(c -> c.control().equals("NO_DIRECT_EXECUTION")).findFirst().orElseThrow().status())
        .isEqualTo("fail");
  }

  private static long injectionEvidence(ControlReport.Report report) {
    return report.controls().stream().filter(c -> c.control().equals("NO_DIRECT_EXECUTION")).flatMap(c -> c.evidence().stream())
        .filter(e -> e.ruleId().equals("template-injection")).mapToLong(ControlReport.Evidence::openFindings).sum();
  }

  /** Makes PostgreSQL refuse the first {@code times} repository snapshots of one repository. */
  private void refuseSnapshotsOf(String fullName, int times) {
    // A sequence, not a table: the refused transaction rolls back, nextval does not.
    execute("create sequence if not exists refused_snapshot_count");
    execute("alter sequence refused_snapshot_count restart");
    execute("create or replace function refuse_snapshot() returns trigger language plpgsql as $$ begin "
        + "if (select full_name from repository where id = new.repository_id) = '" + fullName + "' "
        + "and nextval('refused_snapshot_count') <= " + times + " then "
        + "raise exception 'refused by test trigger'; end if; return new; end $$");
    execute("create trigger refuse_snapshot before insert on repo_snapshot for each row execute function refuse_snapshot()");
  }

  private long newScan(String login) {
    return ScanFixtures.newScan(login, github.apiUrl());
  }

  private long scan(String login) {
    long id = newScan(login);
    scans.orgPass(id, login);
    worker.drain(id, "worker-" + login);
    return id;
  }

  private long openInjections(String subject) {
    return count("select count(*) from finding where subject = ?1 and rule_id = 'template-injection' and status = 'open'", subject);
  }

}
