package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateInjectionTest {

  private final TemplateInjection rule = new TemplateInjection();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void privilegedTriggerIsHighAndNamesTheSource() {
    List<Finding> findings = RuleHarness.run(rule, "positive-issue-title.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(findings.get(1).message()).contains("github.event.issue.title via env.title");
    assertThat(findings.get(1).confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(findings.get(0).confidence()).isEqualTo(Confidence.HIGH);
    assertThat(findings.get(5).message()).contains("via steps.pick.outputs.label, needs.triage.outputs.label");
  }

  @Test
  void pullRequestIsMediumWithTheReason() {
    List<Finding> findings = RuleHarness.run(rule, "positive-pull-request.yml");
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("read-only token");
    });
  }

  @Test
  void inlineSuppressionIsKeptWithItsReason() {
    List<Finding> findings = RuleHarness.run(rule, RuleHarness.fixtures("template-injection").resolve("issue-1-repro.yml"));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.suppressed()).isTrue();
      assertThat(f.suppression().reason()).isEqualTo("reviewed: the title is only printed by a trusted bot");
      assertThat(f.suppression().repoDeclared()).isTrue();
    });
  }
}
