package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsInUntrustedJobTest {

  private final SecretsInUntrustedJob rule = new SecretsInUntrustedJob();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void oneHighFindingPerSecretNameInFileOrder() {
    List<Finding> findings = RuleHarness.run(rule, "positive-pwn-request.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(findings).extracting(Finding::message).satisfiesExactly(
        m -> assertThat(m).startsWith("secrets.SENTRY_DSN is available to job 'build'").contains("and runs it"),
        m -> assertThat(m).startsWith("secrets.NPM_TOKEN "),
        m -> assertThat(m).startsWith("secrets.CODECOV_TOKEN "),
        m -> assertThat(m).startsWith("secrets.DEPLOY_KEY "),
        m -> assertThat(m).startsWith("every secret of the repository (${{ toJSON(secrets) }})"));
  }

  @Test
  void labelGateLowersToMedium() {
    assertThat(RuleHarness.run(rule, "positive-gated.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("secrets.E2E_API_KEY", "maintainer-applied label");
    });
  }
}
