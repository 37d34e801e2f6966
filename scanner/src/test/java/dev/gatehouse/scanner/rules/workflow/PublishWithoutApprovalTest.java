package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishWithoutApprovalTest {

  private final PublishWithoutApproval rule = new PublishWithoutApproval();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void messageSaysWhatPublishesAndWhatIsMissing() {
    List<Finding> f = RuleHarness.run(rule, "positive.yml");
    assertThat(f).extracting(Finding::severity).containsOnly(Severity.MEDIUM);
    assertThat(f.get(0).message()).contains("Job 'pypi'", "pypa/gh-action-pypi-publish", "environment 'pypi', which has no required reviewers");
    assertThat(f.get(1).message()).contains("Job 'npm'", "npm publish", "with no environment");
    assertThat(f.get(2).message()).contains("Job 'image'", "environment 'registry', which does not exist", "no protection");
  }

  @Test
  void withoutEnvironmentDataOnlyJobsWithNoEnvironmentAreReported() {
    assertThat(RuleHarness.run(rule, "positive-no-environment-data.yml")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Job 'crates'", "cargo publish"));
  }
}
