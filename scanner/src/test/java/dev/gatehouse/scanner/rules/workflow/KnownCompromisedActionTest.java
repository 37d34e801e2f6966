package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.rule.CompromisedActionList;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownCompromisedActionTest {

  private final KnownCompromisedAction rule = new KnownCompromisedAction();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void compromiseIsCriticalAndTellsWhatToRotateAndWhereToMove() {
    List<Finding> findings = RuleHarness.run(rule, "positive-tj-actions.yml");
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
      assertThat(f.message()).contains("GHSA-mrrh-fwg8-r2c3 (CVE-2025-30066)", "2025-03-14", "rotate", "46.0.1 or later");
    });
    assertThat(findings.get(0).message()).contains("version v45 is in the affected range <= 45.0.7");
    assertThat(findings.get(3).message()).contains("is the malicious commit");
  }

  @Test
  void actionsThatRanTheCompromisedSetupAreMediumConfidence() {
    List<Finding> findings = RuleHarness.run(rule, "positive-reviewdog.yml");
    assertThat(findings).extracting(Finding::confidence)
        .containsExactly(Confidence.HIGH, Confidence.MEDIUM, Confidence.MEDIUM, Confidence.MEDIUM, Confidence.HIGH);
    assertThat(findings.get(1).message()).contains("GHSA-qmg3-hpqr-gqvc", "ran reviewdog/action-setup@v1", "18:42 to 20:31 UTC");
    assertThat(findings.get(3).message()).contains("GATEHOUSE-2025-0001");
  }

  @Test
  void listInTheAdvisoriesApiShapeIsReadAsItIs() throws IOException {
    CompromisedActionList list = CompromisedActionList.parse(
        Files.readString(RuleHarness.fixtures("known-compromised-action").resolve("advisories-api.json")));
    assertThat(list.entries()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("acme/setup-tool");
      assertThat(e.severity()).isEqualTo(Severity.HIGH);
      assertThat(e.compromise()).isFalse();
    });
    assertThat(list.lookup(uses("acme/setup-tool@v2.1.0"))).hasSize(1);
    assertThat(list.lookup(uses("acme/setup-tool@v2.3.1"))).isEmpty();
    assertThat(list.lookup(uses("acme/setup-tool@v1"))).isEmpty();
    // v2 floats to the newest 2.x, which is the patched 2.3.1
    assertThat(list.lookup(uses("acme/setup-tool@v2"))).isEmpty();
    assertThat(list.lookup(uses("acme/other@v1"))).isEmpty();
  }

  @Test
  void advisoryThatIsNotACompromiseKeepsItsSeverityWithTheReason(@TempDir Path dir) throws IOException {
    CompromisedActionList list = CompromisedActionList.parse(
        Files.readString(RuleHarness.fixtures("known-compromised-action").resolve("advisories-api.json")));
    Path workflow = Files.writeString(dir.resolve("setup.yml"), """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: acme/setup-tool@v2.1.0
        """);
    assertThat(RuleHarness.run(new KnownCompromisedAction(list), workflow)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("GHSA-aaaa-bbbb-cccc", "move to 2.3.1 or later", "advisory severity; not a known compromise")
          .doesNotContain("rotate");
    });
  }

  @Test
  void bundledListCoversTheDocumentedCompromises() {
    assertThat(CompromisedActionList.bundled().entries()).extracting(CompromisedActionList.Entry::action).containsExactlyInAnyOrder(
        "tj-actions/changed-files", "reviewdog/action-setup", "reviewdog/action-shellcheck",
        "reviewdog/action-composite-template", "reviewdog/action-staticcheck", "reviewdog/action-ast-grep",
        "reviewdog/action-typos", "tj-actions/eslint-changed-files");
  }

  @Test
  void malformedListIsRejectedWithWhereItIsWrong() {
    assertThatThrownBy(() -> CompromisedActionList.parse("- ghsa_id: GHSA-x\n  vulnerabilities: [nope]\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GHSA-x vulnerability must be a mapping");
    assertThatThrownBy(() -> CompromisedActionList.parse("ghsa_id: GHSA-x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a list of advisories");
  }

  private static Uses uses(String raw) {
    return Uses.parse(raw, Pos.START);
  }
}
