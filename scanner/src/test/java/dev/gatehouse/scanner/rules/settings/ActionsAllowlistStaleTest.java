package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.rules.RuleHarness;
import dev.gatehouse.scanner.rules.SettingsFixture;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsAllowlistStaleTest {

  private final ActionsAllowlistStale rule = new ActionsAllowlistStale();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void messageNamesTheEntryAndScope() {
    List<Finding> findings = SettingsHarness.run(rule, "positive-stale.yml");
    assertThat(findings).hasSize(3).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
    assertThat(findings).anySatisfy(f -> assertThat(f.message())
        .contains("allows codecov/codecov-action@v5", "in any repository of acme"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("The allowlist of acme/web allows peter-evans/*"));
  }

  @Test
  void anUnreadableRepositoryMeansNothingIsStale() {
    SettingsFixture.Loaded loaded = SettingsHarness.load(RuleHarness.fixtures(rule.info().id()).resolve("positive-stale.yml"));
    OrgScan scan = loaded.scan();
    List<RepoSnapshot> repos = scan.repos().stream().map(r -> !r.repository().name().equals("api") ? r
        : new RepoSnapshot(r.repository(), r.headSha(), false, Readable.unavailable(403, "403 Resource not accessible"),
            r.actionsPermissions(), r.selectedActions(), r.workflowDefaults(), r.forkPrApprovalPolicy(), r.privateForkPr(),
            r.accessLevel(), r.runners(), r.environments())).toList();
    OrgScan partial = new OrgScan(scan.org(), repos, scan.files(), scan.inventory(), scan.runnerOfflineSince(), scan.at());
    List<Finding> findings = SettingsHarness.run(rule, new SettingsFixture.Loaded(partial, loaded.policy(), loaded.lines()));
    // The organization's list is not judged; web's own list still is, since web was read.
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains("The allowlist of acme/web"));
  }
}
