package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvFileInjectionTest {

  private final EnvFileInjection rule = new EnvFileInjection();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void namesTheSourceAndTheFile() {
    List<Finding> findings = RuleHarness.run(rule, "positive-issue-comment.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(findings.get(0).message())
        .contains("github.event.comment.body via env.BODY", "$GITHUB_ENV", "BASH_ENV")
        .contains("random heredoc delimiter");
    assertThat(findings.get(0).confidence()).isEqualTo(Confidence.HIGH);
    assertThat(findings.get(2).message()).contains("$GITHUB_OUTPUT", "forges this step's other outputs");
    assertThat(findings.get(4).message()).contains("github.event.comment.body via $GITHUB_EVENT_PATH");
    assertThat(findings.get(4).confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void pathWritesReportBranchNames() {
    List<Finding> findings = RuleHarness.run(rule, "positive-path-and-outputs.yml");
    assertThat(findings.get(0).message()).contains("$GITHUB_PATH", "github.event.workflow_run.head_branch")
        .doesNotContain("heredoc");
  }

  @Test
  void artifactFilesAfterADownloadUnderWorkflowRun() {
    List<Finding> findings = RuleHarness.run(rule, "positive-workflow-run-artifact.yml");
    assertThat(findings).hasSize(2).allSatisfy(f -> {
      assertThat(f.message()).contains("a file of the triggering run's artifacts");
      assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
    });
  }

  @Test
  void actionIsMediumBecauseTheTriggerIsUnknown() {
    assertThat(RuleHarness.run(rule, "positive-composite.action.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("calling trigger is not known");
    });
  }
}
