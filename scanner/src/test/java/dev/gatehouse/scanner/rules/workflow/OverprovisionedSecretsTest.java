package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverprovisionedSecretsTest {

  private final OverprovisionedSecrets rule = new OverprovisionedSecrets();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void messagesTellTheWholeContextFromAComputedIndex() {
    List<Finding> findings = RuleHarness.run(rule, "positive-whole-context.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(findings).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).startsWith("${{ toJSON(secrets) }} passes the whole secrets context"))
        .anySatisfy(m -> assertThat(m).contains("indexes secrets with a computed name (secrets[matrix.region])"))
        .allSatisfy(m -> assertThat(m).endsWith("name each secret it needs (secrets.NAME) instead"));
  }
}
