package dev.gatehouse.scanner.rules.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerNonEphemeralTest {

  private final RunnerNonEphemeral rule = new RunnerNonEphemeral();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void highWhenPublicRepositoriesReachTheRunner() {
    List<Finding> findings = SettingsHarness.run(rule, "positive.yml");
    assertThat(findings).filteredOn(f -> f.severity() == Severity.HIGH).extracting(Finding::message)
        .satisfiesExactlyInAnyOrder(
            m -> assertThat(m).contains("'oss-1'", "group 'oss' allows public repositories"),
            m -> assertThat(m).contains("'site-box'", "acme/site", "the repository is public"));
    assertThat(findings).filteredOn(f -> f.severity() == Severity.MEDIUM).extracting(Finding::message)
        .satisfiesExactlyInAnyOrder(
            m -> assertThat(m).contains("'build-1' in group 'Default'", "--ephemeral"),
            m -> assertThat(m).contains("'infra-box'", "acme/infra"));
  }

  @Test
  void saysWhenTheGroupCouldNotBeChecked() {
    assertThat(SettingsHarness.run(rule, "positive-groups-unavailable.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("its group could not be checked", "403 Resource not accessible by integration");
    });
  }
}
