package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsecureCommandsTest {

  private final InsecureCommands rule = new InsecureCommands();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void saysWhereItIsEnabled() {
    List<Finding> findings = RuleHarness.run(rule, "positive-levels.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(findings.get(0).message()).contains("the workflow's env:");
    assertThat(findings.get(1).message()).contains("job 'build'");
    assertThat(findings.get(2).message()).contains("step 'Legacy toolchain setup'");
    assertThat(findings.get(3).message()).contains("$GITHUB_ENV");
    assertThat(findings.get(4).message()).contains("from an expression");
    assertThat(findings.get(4).confidence()).isEqualTo(Confidence.MEDIUM);
  }
}
