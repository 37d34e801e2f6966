package dev.gatehouse.web.finding;

import io.quarkus.test.security.TestSecurity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Location;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Suppression;
import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.scan.ScanEntity;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class FindingLedgerTest {

  @Inject
  FindingLedger ledger;

  static Finding finding(String fingerprint, Severity severity, Suppression suppression) {
    return new Finding("template-injection", severity, Confidence.HIGH, "msg " + fingerprint,
        new Location(".github/workflows/ci.yml", 7, 3, "jobs.build.steps[0]"), List.of(), fingerprint, suppression);
  }

  long[] orgAndScans(String login, int scans) {
    return QuarkusTransaction.requiringNew().call(() -> {
      OrganizationEntity org = new OrganizationEntity();
      org.login = login;
      org.apiUrl = "http://localhost";
      org.persist();
      long[] ids = new long[scans + 1];
      ids[0] = org.id;
      for (int i = 1; i <= scans; i++) {
        ScanEntity scan = new ScanEntity();
        scan.organization = org;
        scan.trigger = "api";
        scan.status = ScanEntity.COMPLETED;
        scan.startedAt = Instant.now();
        scan.persist();
        ids[i] = scan.id;
      }
      return ids;
    });
  }

  static FindingEntity row(long org, String fingerprint) {
    return QuarkusTransaction.requiringNew().call(() ->
        FindingEntity.<FindingEntity>find("organization.id = ?1 and fingerprint = ?2", org, fingerprint).singleResult());
  }

  static List<String> events(long org, String fingerprint) {
    return QuarkusTransaction.requiringNew().call(() -> FindingEventEntity.<FindingEventEntity>list(
        "finding.organization.id = ?1 and finding.fingerprint = ?2 order by id", org, fingerprint).stream()
        .map(e -> e.kind + ":" + e.before + ">" + e.after).toList());
  }

  @Test
  void lifecycleNewOpenFixedReintroducedWithSeverityAndSuppressionHistory() {
    long[] ids = orgAndScans("ledger-org", 4);
    long org = ids[0];
    Instant t1 = Instant.parse("2026-11-01T02:00:00Z");
    FindingLedger.Outcome first = ledger.merge(org, ids[1], t1, "ledger-org/web", FindingLedger.Scope.WORKFLOW,
        List.of(finding("aaa", Severity.HIGH, null), finding("bbb", Severity.MEDIUM, null), finding("aaa", Severity.HIGH, null)), true);
    assertThat(first).isEqualTo(new FindingLedger.Outcome(2, 0, 0, 0, 0));

    Suppression exception = new Suppression(Suppression.Kind.EXCEPTION, "accepted until the rewrite", "sec@acme.example", LocalDate.of(2027, 1, 31));
    FindingLedger.Outcome second = ledger.merge(org, ids[2], t1.plusSeconds(86400), "ledger-org/web", FindingLedger.Scope.WORKFLOW,
        List.of(finding("aaa", Severity.CRITICAL, exception)), true);
    assertThat(second).isEqualTo(new FindingLedger.Outcome(0, 1, 1, 0, 1));
    FindingEntity bbb = row(org, "bbb");
    assertThat(bbb.status).isEqualTo("fixed");
    assertThat(bbb.fixedScanId).isEqualTo(ids[2]);
    FindingEntity aaa = row(org, "aaa");
    assertThat(aaa.severity).isEqualTo("critical");
    assertThat(aaa.suppressionOwner).isEqualTo("sec@acme.example");
    assertThat(aaa.firstSeenScanId).isEqualTo(ids[1]);
    assertThat(aaa.lastSeenScanId).isEqualTo(ids[2]);

    // An incomplete audit of the subject (a file could not be read) never marks findings fixed.
    FindingLedger.Outcome partial = ledger.merge(org, ids[3], t1.plusSeconds(2 * 86400), "ledger-org/web", FindingLedger.Scope.WORKFLOW, List.of(), false);
    assertThat(partial.fixed()).isZero();
    assertThat(row(org, "aaa").status).isEqualTo("open");

    FindingLedger.Outcome back = ledger.merge(org, ids[4], t1.plusSeconds(3 * 86400), "ledger-org/web", FindingLedger.Scope.WORKFLOW,
        List.of(finding("aaa", Severity.CRITICAL, exception), finding("bbb", Severity.MEDIUM, null)), true);
    assertThat(back.reintroduced()).isEqualTo(1);
    FindingEntity again = row(org, "bbb");
    assertThat(again.status).isEqualTo("open");
    assertThat(again.reintroducedCount).isEqualTo(1);
    assertThat(again.fixedAt).isNull();
    assertThat(events(org, "bbb")).containsExactly("new:null>medium", "fixed:open>fixed", "reintroduced:fixed>open");
    assertThat(events(org, "aaa")).containsExactly("new:null>high", "severity_changed:high>critical",
        "suppressed:null>exception: accepted until the rewrite (sec@acme.example)");
  }

  @Test
  void subjectsAndScopesAreIndependent() {
    long[] ids = orgAndScans("ledger-two", 2);
    Instant t = Instant.parse("2026-11-02T02:00:00Z");
    ledger.merge(ids[0], ids[1], t, "ledger-two/a", FindingLedger.Scope.WORKFLOW, List.of(finding("a1", Severity.LOW, null)), true);
    ledger.merge(ids[0], ids[2], t, "ledger-two/b", FindingLedger.Scope.WORKFLOW, List.of(), true);
    ledger.merge(ids[0], ids[2], t, "ledger-two/a", FindingLedger.Scope.SETTINGS, List.of(), true);
    assertThat(row(ids[0], "a1").status).isEqualTo("open");
  }

  @Test
  void aSettingsFindingWhoseInputCouldNotBeReadIsNotFixed() {
    long[] ids = orgAndScans("unread-org", 2);
    long org = ids[0];
    Instant t1 = Instant.parse("2026-11-01T02:00:00Z");
    ledger.mergeAll(org, ids[1], t1, FindingLedger.Scope.SETTINGS,
        java.util.Map.of("unread-org/a", List.of(finding("s-a", Severity.HIGH, null)), "unread-org/b", List.of(finding("s-b", Severity.HIGH, null))),
        (subject, rule) -> true);
    // Next scan: both gone, but repository a's input for the rule was unreadable (403).
    ledger.mergeAll(org, ids[2], t1.plusSeconds(86400), FindingLedger.Scope.SETTINGS,
        java.util.Map.of("unread-org/a", List.of(), "unread-org/b", List.of()),
        (subject, rule) -> !(subject.equals("unread-org/a") && rule.equals("template-injection")));
    assertThat(row(org, "s-a").status).isEqualTo(FindingEntity.OPEN);
    assertThat(events(org, "s-a")).containsExactly("new:null>high");
    assertThat(row(org, "s-b").status).isEqualTo(FindingEntity.FIXED);
  }
}
