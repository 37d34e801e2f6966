package dev.gatehouse.scanner.rules.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import org.junit.jupiter.api.Test;

class RunnerGroupAnyWorkflowTest {

  private final RunnerGroupAnyWorkflow rule = new RunnerGroupAnyWorkflow();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void labelsMatchCaseInsensitivelyAndTheMessageNamesTheRunners() {
    assertThat(SettingsHarness.run(rule, "positive.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("'gpu'", "GPU: 'gpu-1'", "not restricted to selected workflows");
    });
  }

  @Test
  void thePolicyNamesTheSensitiveLabels() {
    assertThat(SettingsHarness.run(rule, "positive-policy-labels.yml")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("'release'", "signing: 'signer-1'"));
  }
}
