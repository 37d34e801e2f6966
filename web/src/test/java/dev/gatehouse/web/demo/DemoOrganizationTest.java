package dev.gatehouse.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.collect.GitHubClient;
import dev.gatehouse.scanner.collect.OrgCollector;
import dev.gatehouse.scanner.collect.RepoCollector;
import dev.gatehouse.scanner.collect.ScanMeter;
import dev.gatehouse.scanner.collect.TokenSource;
import dev.gatehouse.scanner.model.ActionInventory;
import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.OrgAudit;
import dev.gatehouse.scanner.rule.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo organization, read through the real collector and audited by every rule, shows every rule family. */
class DemoOrganizationTest {

  @Test
  void demoOrganizationExercisesEveryRuleFamily() {
    try (DemoGitHubServer server = DemoGitHubServer.start()) {
      GitHubClient client = GitHubClient.builder(server.apiUrl(), TokenSource.fixed(null)).build();
      ScanMeter meter = new ScanMeter();
      OrgSnapshot org = new OrgCollector(client).collect(DemoGitHubServer.ORG, meter);
      List<RepoSnapshot> repos = new RepoCollector(client, 4, 50).collect(DemoGitHubServer.ORG, org.repositories(), Map.of(), meter);
      Map<String, List<AuditedFile>> files = OrgAudit.parse(repos);
      OrgScan scan = new OrgScan(org, repos, files, ActionInventory.of(files), Map.of(), Instant.parse("2026-11-27T12:00:00Z"));
      List<Finding> findings = OrgAudit.withAllRules(Policy.strict()).audit(scan).values().stream().flatMap(List::stream).toList();

      Set<String> rules = findings.stream().map(Finding::ruleId).collect(Collectors.toSet());
      assertThat(rules).contains(
          "untrusted-checkout-exec", "template-injection", "ai-agent-untrusted-input", "env-file-injection",
          "insecure-commands", "spoofable-bot-check", "unsound-condition", "known-compromised-action",
          "long-lived-publish-token", "publish-without-approval", "overprovisioned-secrets", "secrets-inherit",
          "hardcoded-credentials", "unpinned-action", "unpinned-image", "artifact-poisoning", "excessive-permissions",
          "missing-permissions", "self-hosted-untrusted-trigger",
          "actions-allowed-all", "default-token-writable", "actions-can-approve-prs", "fork-pr-approval-weak",
          "private-fork-pr-secrets", "self-hosted-runners-all-repos",
          "runner-group-public-repos", "runner-group-all-repos", "runner-non-ephemeral",
          "setting-not-evaluated");
      assertThat(findings).filteredOn(f -> f.ruleId().equals("self-hosted-untrusted-trigger"))
          .anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
      assertThat(findings).filteredOn(f -> f.ruleId().equals("setting-not-evaluated"))
          .anySatisfy(f -> assertThat(f.message()).contains("payments-internal").contains("404"));
      assertThat(repos.stream().filter(r -> r.repository().name().equals("web-storefront")).findFirst().orElseThrow()
          .files().orNull()).hasSize(3);
    }
  }
}
