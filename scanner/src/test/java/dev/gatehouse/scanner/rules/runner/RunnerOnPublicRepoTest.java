package dev.gatehouse.scanner.rules.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerOnPublicRepoTest {

  private final RunnerOnPublicRepo rule = new RunnerOnPublicRepo();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void criticalOneStepLowerWhenEphemeral() {
    List<Finding> findings = SettingsHarness.run(rule, "positive.yml");
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains("'site-box'", "public repository acme/site");
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("'site-jit'", "the runner is ephemeral");
    });
  }
}
