package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnsoundConditionTest {

  private final UnsoundCondition rule = new UnsoundCondition();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void explainsWhyTheConditionIsAlwaysTrue() {
    List<Finding> findings = RuleHarness.run(rule, "positive-always-true.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(findings.get(0).message()).contains("job 'deploy'", "block scalar", "trailing newline", "'|-'");
    assertThat(findings.get(1).message()).contains("text outside its ${{ }}", "inside one ${{ }}");
    assertThat(findings.get(2).message()).contains("block scalar");
  }

  @Test
  void fixedSetContextIsLowWithTheReason() {
    List<Finding> findings = RuleHarness.run(rule, "positive-contains-literal.yml");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(findings.get(0).message()).contains("contains('alice bobby carol', github.actor)", "fromJSON");
    assertThat(findings.get(2).severity()).isEqualTo(Severity.LOW);
    assertThat(findings.get(2).message()).contains("fixed set of values");
  }
}
