package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedCheckoutExecTest {

  private final UntrustedCheckoutExec rule = new UntrustedCheckoutExec();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void ungatedIsCriticalAndSaysWhatTheCodeCouldReach() {
    List<Finding> findings = RuleHarness.run(rule, "positive-pull-request-target.yml");
    assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    assertThat(findings.get(0).message())
        .contains("pull_request_target", "npm ci", "secrets (NPM_TOKEN)", "repository default token, which may be writable");
    assertThat(findings.get(0).related()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(17));
    assertThat(findings.get(1).message()).contains("write permissions (contents: write, pull-requests: write)");
  }

  @Test
  void executionInTheSameScriptCounts() {
    assertThat(RuleHarness.run(rule, "positive-comment-ops.yml")).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("gh pr checkout", "the same script then runs commands in it");
      assertThat(f.message()).doesNotContain("holds secrets");
    });
  }

  @Test
  void gatedJobsAreOneStepLowerWithTheReason() {
    List<Finding> findings = RuleHarness.run(rule, "positive-gated.yml");
    assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(findings.get(0).message()).contains("needs approval through environment 'external-ci'");
    assertThat(findings.get(1).message()).contains("maintainer-applied label");
  }
}
