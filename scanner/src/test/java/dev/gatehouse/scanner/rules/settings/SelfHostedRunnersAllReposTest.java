package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfHostedRunnersAllReposTest {

  private final SelfHostedRunnersAllRepos rule = new SelfHostedRunnersAllRepos();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void registeredRunnersKeepTheDefaultSeverity() {
    assertThat(SettingsHarness.run(rule, "positive-all-with-runners.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("enabled_repositories: all", "Selected repositories");
    });
    assertThat(SettingsHarness.run(rule, "positive-repo-runners-unreadable.yml")).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void noRunnerYetIsLowWithTheReason() {
    assertThat(SettingsHarness.run(rule, "positive-no-runners-yet.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("no self-hosted runner is registered yet");
    });
  }
}
