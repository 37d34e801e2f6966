package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnpinnedImageTest {

  private final UnpinnedImage rule = new UnpinnedImage();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void lowSeverityMessagesNameTheImageTagAndWhere() {
    List<Finding> findings = RuleHarness.run(rule, "positive-containers.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
    assertThat(findings).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).startsWith("image node:20-bookworm of the container of job test is pulled by tag 20-bookworm"))
        .anySatisfy(m -> assertThat(m).contains("service postgres of job test"))
        .anySatisfy(m -> assertThat(m).contains("hadolint/hadolint:v2.12.0@sha256:<digest>"))
        .anySatisfy(m -> assertThat(m).contains("ghcr.io/acme/builder", "no tag (whatever latest is)"));
  }
}
