package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnsafeCheckoutOptOutTest {

  private final UnsafeCheckoutOptOut rule = new UnsafeCheckoutOptOut();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void literalTrueIsHighAndAnExpressionIsMediumConfidence() {
    List<Finding> findings = RuleHarness.run(rule, "positive-opt-out.yml");
    assertThat(findings).extracting(Finding::severity).containsOnly(Severity.HIGH);
    assertThat(findings).extracting(Finding::confidence).containsExactly(Confidence.HIGH, Confidence.MEDIUM);
    assertThat(findings.get(0).message()).contains("allow-unsafe-pr-checkout: true turns off");
    assertThat(findings.get(0).location().column()).isEqualTo(37);
  }

  @Test
  void noPrivilegedTriggerIsLowWithTheReason() {
    assertThat(RuleHarness.run(rule, "positive-no-privileged-trigger.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("no privileged trigger");
    });
  }

  @Test
  void actionKeepsHigh() {
    assertThat(RuleHarness.run(rule, "positive-composite.action.yml")).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }
}
