package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingPermissionsTest {

  private final MissingPermissions rule = new MissingPermissions();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void workflowWithoutAnyBlockIsOneFindingNamingEveryJob() {
    List<Finding> findings = RuleHarness.run(rule, "positive-no-permissions.yml");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.location().path()).isEqualTo("on");
      assertThat(f.message()).contains("(test, lint)", "repository default token");
    });
  }

  @Test
  void bareJobsAreReportedOneByOneWithTheDefaultTokenHook() {
    List<Finding> findings = RuleHarness.run(rule, "positive-some-jobs.yml");
    assertThat(findings).extracting(f -> f.location().path()).containsExactly("jobs.test", "jobs.build");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).contains("gets the repository default token"));
  }
}
