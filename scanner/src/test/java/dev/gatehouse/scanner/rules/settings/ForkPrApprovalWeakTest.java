package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkPrApprovalWeakTest {

  private final ForkPrApprovalWeak rule = new ForkPrApprovalWeak();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void weakerThanThePolicyIsHigh() {
    assertThat(SettingsHarness.run(rule, "positive-first-time-only.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("approval_policy: first_time_contributors", "the policy expects all_external_contributors");
    });
  }

  @Test
  void noActivePublicRepositoryIsLowWithTheReason() {
    assertThat(SettingsHarness.run(rule, "positive-no-public-repos.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("no active public repository");
    });
  }

  @Test
  void orderOfPolicies() {
    assertThat(ForkPrApprovalWeak.weaker("first_time_contributors", "all_external_contributors")).isTrue();
    assertThat(ForkPrApprovalWeak.weaker("all_external_contributors", "first_time_contributors")).isFalse();
    assertThat(ForkPrApprovalWeak.weaker("some_future_value", "all_external_contributors")).isFalse();
    assertThat(ForkPrApprovalWeak.weaker(null, "all_external_contributors")).isFalse();
  }
}
