package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnpinnedActionTest {

  private final UnpinnedAction rule = new UnpinnedAction();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void strictPolicyNamesTheCatchAllPatternAndThePinKind() {
    List<Finding> findings = RuleHarness.run(rule, "positive-strict.yml");
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("policy pattern '*' requires hash-pin");
    });
    assertThat(findings).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("actions/checkout@v4 is pinned to tag v4"))
        .anySatisfy(m -> assertThat(m).contains("branch or ref stable"))
        .anySatisfy(m -> assertThat(m).contains("abbreviated SHA 9d47c6a"))
        .anySatisfy(m -> assertThat(m).startsWith("reusable workflow acme/shared-workflows"));
  }

  @Test
  void teamPolicyNamesThePatternThatDecided() {
    List<Finding> findings = RuleHarness.run(rule, "positive-policy.yml");
    assertThat(findings).extracting(Finding::message).containsExactly(
        "action softprops/action-gh-release@v2 is pinned to tag v2, which its owner can move, but policy pattern '*'"
            + " requires hash-pin: pin it to a full 40-character commit SHA (keep the version in a comment: @<sha> # v1.2.3)",
        "action actions/cache is pinned to no ref at all, but policy pattern 'actions/*' requires ref-pin:"
            + " pin it to a ref (@v1.2.3 or a commit SHA)");
  }
}
