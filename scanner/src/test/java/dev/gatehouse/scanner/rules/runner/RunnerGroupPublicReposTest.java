package dev.gatehouse.scanner.rules.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerGroupPublicReposTest {

  private final RunnerGroupPublicRepos rule = new RunnerGroupPublicRepos();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void namesTheGroupItsRunnersAndWhereToChangeIt() {
    List<Finding> findings = SettingsHarness.run(rule, "positive.yml");
    assertThat(findings).extracting(Finding::severity).containsOnly(Severity.HIGH);
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'oss-builders'", "'oss-1'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'enterprise-linux'", "inherited from the enterprise"));
  }

  @Test
  void lowerWhenThePolicyAllowsItOrTheGroupIsEmpty() {
    assertThat(SettingsHarness.run(rule, "positive-policy-allows.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("runners.public-repositories: true");
    });
    assertThat(SettingsHarness.run(rule, "positive-empty-group.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("no runner is in the group today");
    });
  }
}
