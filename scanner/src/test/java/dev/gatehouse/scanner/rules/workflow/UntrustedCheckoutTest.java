package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import org.junit.jupiter.api.Test;

class UntrustedCheckoutTest {

  private final UntrustedCheckout rule = new UntrustedCheckout();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void ungatedIsHighAndNamesSecretsAndWriteScopes() {
    assertThat(RuleHarness.run(rule, "positive-checkout-only.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("no later step is seen running it", "secrets (BOT_TOKEN)", "pull-requests: write");
    });
  }

  @Test
  void associationGateLowersToMedium() {
    assertThat(RuleHarness.run(rule, "positive-gated.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("gated on the author's association").doesNotContain("holds secrets");
    });
  }

  @Test
  void neverReportsTheSameCheckoutAsTheExecRule() {
    var exec = RuleHarness.run(new UntrustedCheckoutExec(), RuleHarness.fixtures("untrusted-checkout").resolve("negative-executed-or-safe.yml"));
    assertThat(exec).singleElement().satisfies(f -> assertThat(f.location().line()).isEqualTo(14));
  }
}
