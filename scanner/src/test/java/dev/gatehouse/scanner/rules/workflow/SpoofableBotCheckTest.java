package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpoofableBotCheckTest {

  private final SpoofableBotCheck rule = new SpoofableBotCheck();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void aloneTheCheckIsHighConfidenceAndNamesTheFix() {
    List<Finding> findings = RuleHarness.run(rule, "positive-dependabot-automerge.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(findings.get(0).message())
        .contains("'github.actor == 'dependabot[bot]'' gates job 'automerge' under pull_request_target")
        .contains("github.event.pull_request.user.login");
    assertThat(findings.get(0).confidence()).isEqualTo(Confidence.HIGH);
    assertThat(findings.get(1).confidence()).as("|| keeps the bot check decisive").isEqualTo(Confidence.HIGH);
    assertThat(findings.get(2).confidence()).as("&& adds other conditions").isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void botIdsCountAsBotNames() {
    assertThat(RuleHarness.run(rule, "positive-workflow-run.yml")).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("github.actor_id == '49699333'", "workflow_run");
      assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
    });
  }
}
