package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachePoisoningTest {

  private final CachePoisoning rule = new CachePoisoning();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void releaseRestoreIsMediumAndSaysWhyTheJobMatters() {
    List<Finding> findings = RuleHarness.run(rule, "positive-tag-release.yml");
    assertThat(findings).extracting(Finding::severity).containsOnly(Severity.MEDIUM);
    assertThat(findings.get(0).message()).contains("actions/setup-python with cache: pip", "triggered by pushing tags",
        "holds secrets (PYPI_TOKEN)");
    assertThat(findings.get(2).message()).contains("actions/setup-go, which caches by default", "can write contents");
    assertThat(findings.get(2).confidence()).isEqualTo(Confidence.LOW);
  }

  @Test
  void publishingJobAndWhatFeedsItAreReleaseBuilds() {
    List<Finding> findings = RuleHarness.run(rule, "positive-publisher.yml");
    assertThat(findings).extracting(Finding::message).satisfiesExactly(
        m -> assertThat(m).startsWith("Job 'build' restores").contains("builds an artifact that a publishing job takes"),
        m -> assertThat(m).startsWith("Job 'publish' restores").contains("job 'publish' publishes"));
  }

  @Test
  void saveAfterRunningPrCodeIsHigh() {
    List<Finding> findings = RuleHarness.run(rule, "positive-privileged-save.yml");
    assertThat(findings).extracting(Finding::severity).containsExactly(Severity.HIGH, Severity.MEDIUM);
    assertThat(findings.get(0).message()).contains("pull_request_target", "saves a cache", "runs in the job before the cache is saved");
    assertThat(findings.get(1).message()).contains("actions/cache/save");
  }
}
