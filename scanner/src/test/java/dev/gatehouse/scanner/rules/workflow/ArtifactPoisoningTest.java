package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactPoisoningTest {

  private final ArtifactPoisoning rule = new ArtifactPoisoning();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void executionAfterUnpackingIsHighAndPointsAtTheRunningStep() {
    List<Finding> findings = RuleHarness.run(rule, "positive-executes.yml");
    assertThat(findings).extracting(Finding::severity).containsOnly(Severity.HIGH);
    assertThat(findings.get(0).message()).contains("the workspace root", "npm ci");
    assertThat(findings.get(0).related()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(24));
    assertThat(findings.get(1).message()).contains("'preview' in the workspace", "bash preview/publish.sh");
  }

  @Test
  void unzipOfAScriptDownloadCounts() {
    assertThat(RuleHarness.run(rule, "positive-github-script.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("step 'unzip results.zip' unpacks them", "./scripts/post-comment.sh");
    });
  }

  @Test
  void dataOnlyIsLowWithTheReason() {
    assertThat(RuleHarness.run(rule, "positive-data-only.yml")).hasSize(2).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("only read as data");
    });
  }

  @Test
  void reviewedEnvironmentLowersOneStep() {
    assertThat(RuleHarness.run(rule, "positive-gated.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("environment 'previews'");
    });
  }
}
