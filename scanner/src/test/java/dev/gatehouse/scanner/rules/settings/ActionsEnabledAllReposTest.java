package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsEnabledAllReposTest {

  private final ActionsEnabledAllRepos rule = new ActionsEnabledAllRepos();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void messageSaysWhatThePolicyExpects() {
    assertThat(SettingsHarness.run(rule, "positive-all.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("enabled_repositories: all", "the policy expects selected", "Enable for selected repositories");
    });
  }
}
