package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rules.RuleHarness;
import org.junit.jupiter.api.Test;

class WorkflowParseErrorTest {

  private final WorkflowParseError rule = new WorkflowParseError();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertThat(RuleHarness.run(rule, "positive-duplicate-key.yml")).singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo("could not audit this file: duplicate key 'build'"));
    assertThat(RuleHarness.run(rule, "positive-not-a-workflow.yml")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("not a workflow"));
    assertThat(RuleHarness.run(rule, "positive-two-documents.yml")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("more than one YAML document"));
  }
}
