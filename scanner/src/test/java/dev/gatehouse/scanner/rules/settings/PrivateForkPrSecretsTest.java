package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivateForkPrSecretsTest {

  private final PrivateForkPrSecrets rule = new PrivateForkPrSecrets();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void eachSettingIsItsOwnHighFinding() {
    List<Finding> findings = SettingsHarness.run(rule, "positive-org-and-repo.yml");
    assertThat(findings).hasSize(4).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(findings).extracting(f -> f.location().path()).containsExactlyInAnyOrder("send_write_tokens_to_workflows",
        "send_secrets_and_variables", "require_approval_for_fork_pr_workflows", "send_secrets_and_variables");
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("Repository acme/billing", "the policy expects false"));
  }

  @Test
  void forkWorkflowsOffIsLowWithTheReason() {
    assertThat(SettingsHarness.run(rule, "positive-forks-off.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("run_workflows_from_fork_pull_requests: false");
    });
  }
}
