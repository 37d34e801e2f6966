package dev.gatehouse.scanner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.rule.AuditEngine;
import dev.gatehouse.scanner.rule.Controls;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.OrgAudit;
import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.scanner.rule.SettingsAudit;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.parse.WorkflowParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 5's acceptance: the example policy on a hardened org, and unreadable settings never passing. */
class AcceptanceTest {

  static final Path HARDENED = Path.of("src/test/resources/acceptance/hardened-org.yml");

  static List<String> controls() {
    List<String> ids = new ArrayList<>(RuleRegistry.settingsRules().stream().map(r -> r.info().id()).toList());
    ids.addAll(List.of("missing-permissions", "self-hosted-untrusted-trigger"));
    return ids;
  }

  static List<Finding> auditAll(SettingsFixture.Loaded loaded) {
    OrgAudit audit = new OrgAudit(new AuditEngine(RuleRegistry.workflowRules(), loaded.policy(), new WorkflowParser(), RuleHarness.CLOCK),
        SettingsAudit.withAllRules(loaded.policy()));
    return audit.audit(loaded.scan()).values().stream().flatMap(List::stream).toList();
  }

  @Test
  void examplePolicyOnAHardenedOrganizationFindsNothingAtMediumOrAbove() {
    SettingsFixture.Loaded loaded = SettingsHarness.load(HARDENED);
    List<Finding> findings = auditAll(loaded);
    List<Finding> serious = findings.stream().filter(f -> !f.suppressed() && f.severity().atLeast(Severity.MEDIUM)).toList();
    assertThat(serious).as("findings at medium or above:%n%s",
        serious.stream().map(f -> "  " + f.ruleId() + " " + f.location().file() + ":" + f.location().line() + " " + f.message())
            .collect(Collectors.joining("\n"))).isEmpty();
    List<Controls.Result> results = Controls.evaluate(loaded.scan(), controls(), findings);
    assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.ruleId() + ": " + r.reason()).isEqualTo(Controls.Status.PASS));
  }

  @Test
  void anUnreadableSettingNeverYieldsAPassForAControlThatReadsIt() {
    SettingsFixture.Loaded loaded = SettingsHarness.load(HARDENED);
    OrgScan scan = loaded.scan();
    OrgSnapshot o = scan.org();
    Readable<?> gone = Readable.unavailable(403, "403 Resource not accessible by integration");
    @SuppressWarnings("unchecked")
    OrgSnapshot blind = new OrgSnapshot(o.login(), o.info(), o.repositories(), (Readable) gone, (Readable) gone, (Readable) gone,
        (Readable) gone, (Readable) gone, (Readable) gone, (Readable) gone, (Readable) gone);
    List<RepoSnapshot> blindRepos = new ArrayList<>();
    for (RepoSnapshot r : scan.repos()) {
      @SuppressWarnings("unchecked")
      RepoSnapshot b = new RepoSnapshot(r.repository(), r.headSha(), false, r.files(), (Readable) gone, (Readable) gone,
          (Readable) gone, r.forkPrApprovalPolicy(), (Readable) gone, (Readable) gone, (Readable) gone, (Readable) gone);
      blindRepos.add(b);
    }
    OrgScan blindScan = new OrgScan(blind, blindRepos, scan.files(), scan.inventory(), Map.of(), scan.at());
    SettingsFixture.Loaded blindLoaded = new SettingsFixture.Loaded(blindScan, loaded.policy(), loaded.lines());
    List<Finding> findings = auditAll(blindLoaded);
    List<Controls.Result> results = Controls.evaluate(blindScan, controls(), findings);
    assertThat(results).noneSatisfy(r -> assertThat(r.status()).isEqualTo(Controls.Status.PASS));
    assertThat(results).filteredOn(r -> r.status() == Controls.Status.NOT_EVALUATED)
        .allSatisfy(r -> assertThat(r.reason()).contains("could not be read").contains("403"));
    for (SettingsRule rule : RuleRegistry.settingsRules()) {
      if (!rule.info().id().equals("setting-not-evaluated")) {
        assertThat(findings).as(rule.info().id() + " stays silent on unreadable input")
            .noneMatch(f -> f.ruleId().equals(rule.info().id()));
      }
    }
    assertThat(findings).filteredOn(f -> f.ruleId().equals("setting-not-evaluated")).hasSizeGreaterThanOrEqualTo(8);
  }
}
