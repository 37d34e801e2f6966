package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfHostedUntrustedTriggerTest {

  private final SelfHostedUntrustedTrigger rule = new SelfHostedUntrustedTrigger();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void labelsAndConfidence() {
    List<Finding> f = RuleHarness.run(rule, "positive-pull-request.yml");
    assertThat(f.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(f.get(0).confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.get(0).message()).contains("Job 'build'", "label 'self-hosted'", "pull_request");
    assertThat(f.get(1).confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(f.get(1).message()).contains("'perf-bare-metal', which is not a GitHub-hosted runner label");
    assertThat(f.get(2).message()).contains("runner group 'integration-runners'");
    assertThat(f.get(3).confidence()).as("matrix value 'self-hosted'").isEqualTo(Confidence.HIGH);
  }

  @Test
  void managedServiceAndGateLowerOneStepEach() {
    List<Finding> f = RuleHarness.run(rule, "positive-pull-request.yml");
    assertThat(f.get(4).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.get(4).message()).contains("managed runner service");
    assertThat(f.get(5).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.get(5).message()).contains("maintainer-applied label");
  }

  @Test
  void runnerInventoryConfirmsOrSaysTheLaneCannotRun() {
    List<Finding> f = RuleHarness.run(rule, "positive-registered.yml");
    assertThat(f.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(f.get(0).confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.get(0).message()).contains("registered self-hosted runner (label 'build-box')", "pull_request_target");
    assertThat(f.get(1).severity()).isEqualTo(Severity.INFO);
    assertThat(f.get(1).message()).contains("no registered self-hosted runner carries 'arm64'", "cannot run today");
  }

  @Test
  void policyLabelChosenByAnExpression() {
    assertThat(RuleHarness.run(rule, "positive-policy.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("'gpu_public' is self-hosted by policy", "issue_comment");
    });
  }

  @Test
  void oneWorkflowUnderDifferentRunnerAndApprovalSettings() {
    String file = "positive-approval.yml";
    assertThat(RuleHarness.run(rule, file, "")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("waits for a maintainer's approval", "approval_policy: all_external_contributors");
    });
    assertThat(RuleHarness.run(rule, file, "runners=ci-1@self-hosted+linux fork-pr-approval=first_time_contributors"))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
          assertThat(f.message()).contains("runner 'ci-1' can take this job and is not ephemeral").doesNotContain("approval");
        });
    assertThat(RuleHarness.run(rule, file, "runners=oss-1@self-hosted+LINUX:ephemeral:public")).singleElement().satisfies(f -> {
      assertThat(f.severity()).as("critical, then one step lower for approval").isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("runner 'oss-1' can take this job and is in runner group 'public-pool', which allows "
          + "public repositories", "approval_policy: all_external_contributors");
    });
    assertThat(RuleHarness.run(rule, file, "runners=self-hosted+linux:ephemeral fork-pr-approval=first_time_contributors"))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.HIGH);
          assertThat(f.message()).doesNotContain("not evaluated", "runner '");
        });
    assertThat(RuleHarness.run(rule, file, "runners=unavailable fork-pr-approval=unavailable")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("not evaluated: the runner registrations could not be checked (",
          "the fork-PR approval policy could not be checked (403 Resource not accessible by integration)");
    });
  }

  @Test
  void approvalDoesNotLowerPrivilegedTriggers() {
    assertThat(RuleHarness.run(rule, "positive-runner-persistent.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains("pull_request_target", "runner 'build-1' can take this job and is not ephemeral")
          .doesNotContain("approval");
    });
  }

  @Test
  void aRunnerInAPublicGroupMatchesByLabelsOrGroup() {
    List<Finding> f = RuleHarness.run(rule, "positive-runner-public-group.yml");
    assertThat(f).extracting(Finding::severity).containsExactly(Severity.CRITICAL, Severity.CRITICAL, Severity.HIGH);
    assertThat(f.get(0).message()).contains("runner 'gpu-1'", "group 'public-pool', which allows public repositories");
    assertThat(f.get(1).message()).contains("runner 'gpu-1'");
  }
}
