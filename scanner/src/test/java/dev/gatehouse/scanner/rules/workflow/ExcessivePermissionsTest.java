package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExcessivePermissionsTest {

  private final ExcessivePermissions rule = new ExcessivePermissions();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void sharedWritesNameTheScopesAndTheJobs() {
    List<Finding> findings = RuleHarness.run(rule, "positive-shared-writes.yml");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("contents, pull-requests", "jobs test, lint, bump");
    });
  }

  @Test
  void idTokenFindingsNameTheJobsThatDoNotUseIt() {
    List<Finding> findings = RuleHarness.run(rule, "positive-id-token.yml");
    assertThat(findings).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("lets job docs mint OIDC tokens"))
        .anySatisfy(m -> assertThat(m).startsWith("job test can mint OIDC tokens"))
        .noneSatisfy(m -> assertThat(m).containsAnyOf("coverage", "pypi"));
  }

  @Test
  void privilegedTriggerRaisesToHighWithTheReason() {
    List<Finding> findings = RuleHarness.run(rule, "positive-privileged.yml");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("privileged trigger pull_request_target");
    });
  }
}
