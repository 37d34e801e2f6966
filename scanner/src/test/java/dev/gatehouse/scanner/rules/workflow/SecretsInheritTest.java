package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsInheritTest {

  private final SecretsInherit rule = new SecretsInherit();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void messageNamesTheCalledWorkflow() {
    List<Finding> findings = RuleHarness.run(rule, "positive-inherit.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(findings).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("to acme/shared-workflows/.github/workflows/build.yml@"))
        .anySatisfy(m -> assertThat(m).contains("to the local workflow ./.github/workflows/publish.yml"))
        .anySatisfy(m -> assertThat(m).contains("to the local workflow $/.github/workflows/docs.yml"));
  }

  @Test
  void zizmorSuppressionOnTheSecretsLineIsHonoured() {
    List<Finding> findings = RuleHarness.run(rule, "issue-1-repro.yml");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.suppressed()).isTrue();
      assertThat(f.suppression().reason()).isEqualTo("the shared workflow needs the Codecov token");
    });
  }
}
