package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardcodedCredentialsTest {

  private final HardcodedCredentials rule = new HardcodedCredentials();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void highAndNeverRepeatsThePassword() {
    List<Finding> findings = RuleHarness.run(rule, "positive-literal-password.yml");
    assertThat(findings).hasSize(2).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).doesNotContain("hunter2", "dckr_pat");
    });
    assertThat(findings.get(0).message()).contains("the job container", "next to a literal username");
    assertThat(findings.get(1).message()).contains("service queue").doesNotContain("literal username");
  }
}
