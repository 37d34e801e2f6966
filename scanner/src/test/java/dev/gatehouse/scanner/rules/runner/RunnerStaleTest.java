package dev.gatehouse.scanner.rules.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import dev.gatehouse.scanner.rules.SettingsFixture;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerStaleTest {

  private final RunnerStale rule = new RunnerStale();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void messageGivesTheAgeAndTheLimit() {
    assertThat(SettingsHarness.run(rule, "positive.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("'old-gpu'", "offline for 57 days", "2026-10-01T00:00:00Z", "the 14 days the policy allows");
    });
    assertThat(SettingsHarness.run(rule, "positive-policy-limit.yml")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("offline for 7 days", "the 3 days"));
  }

  @Test
  void repositoryRunnersUseTheSameHistory() {
    SettingsFixture.Loaded loaded = SettingsHarness.load(RuleHarness.fixtures("runner-stale").resolve("repo-runner.yml"));
    OrgScan s = loaded.scan();
    OrgScan withHistory = new OrgScan(s.org(), s.repos(), s.files(), s.inventory(),
        Map.of(41L, Instant.parse("2026-08-01T00:00:00Z")), s.at());
    assertThat(SettingsHarness.run(rule, new SettingsFixture.Loaded(withHistory, loaded.policy(), loaded.lines())))
        .singleElement().satisfies(f -> {
          assertThat(f.location().file()).isEqualTo(Resources.repoRunner("acme/infra", 41));
          assertThat(f.message()).contains("Runner of acme/infra 'infra-box'", "offline for 118 days");
        });
    assertThat(SettingsHarness.run(rule, loaded)).as("no history, no finding").isEmpty();
  }
}
