package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsAllowedAllTest {

  private final ActionsAllowedAll rule = new ActionsAllowedAll();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void archivedRepositoryIsLowWithTheReason() {
    List<Finding> findings = SettingsHarness.run(rule, "positive-org-and-repos.yml");
    assertThat(findings).hasSize(3);
    assertThat(findings).filteredOn(f -> f.message().contains("acme/legacy-site")).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.LOW);
          assertThat(f.message()).contains("archived");
        });
    assertThat(findings).filteredOn(f -> f.location().file().equals("/orgs/acme/actions/permissions")).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.HIGH);
          assertThat(f.message()).contains("allowed_actions: all", "the policy expects selected", "select non-<org>");
        });
  }

  @Test
  void messageNamesTheLocalOnlyChoice() {
    assertThat(SettingsHarness.run(rule, "positive-local-only-policy.yml")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("expects local_only", "\"Allow <org> actions and reusable workflows\""));
  }
}
