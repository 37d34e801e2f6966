package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class DangerousTriggerTest {

  private final DangerousTrigger rule = new DangerousTrigger();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void oneInfoFindingPerTriggerNamingWhatOutsidersControl() {
    List<Finding> findings = RuleHarness.run(rule, "positive-mapping.yml");
    assertThat(findings).extracting(Finding::severity).containsOnly(Severity.INFO);
    assertThat(findings).extracting(f -> f.location().path()).containsExactly("on.pull_request_target", "on.workflow_run", "on.issue_comment");
    assertThat(findings.get(0).message()).contains("a fork's pull request");
    assertThat(findings.get(1).message()).contains("artifacts");
    assertThat(findings).extracting(Finding::fingerprint).doesNotHaveDuplicates();
  }

  @Test
  void zizmorIgnoreOnTheOnLineSuppressesIt() {
    assertThat(RuleHarness.run(rule, "positive-zizmor-ignore.yml")).singleElement().satisfies(f -> {
      assertThat(f.suppressed()).isTrue();
      assertThat(f.suppression().reason()).isEqualTo("reviewed: only adds a label, never checks out code");
    });
  }
}
