package dev.gatehouse.scanner.rules.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerGroupAllReposTest {

  private final RunnerGroupAllRepos rule = new RunnerGroupAllRepos();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void anOccupiedGroupIsMediumAnEmptyOneInfo() {
    List<Finding> findings = SettingsHarness.run(rule, "positive.yml");
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("'Default'", "'build-1'", "selected repositories");
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.message()).contains("'unused'", "no runner is in the group today");
    });
  }

  @Test
  void lowerWhenThePolicyLetsEveryRepositoryUseRunners() {
    assertThat(SettingsHarness.run(rule, "positive-policy-allows.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("runners.all-repositories: true");
    });
  }
}
