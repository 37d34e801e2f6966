package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShaPinningSettingMismatchTest {

  private final ShaPinningSettingMismatch rule = new ShaPinningSettingMismatch();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void offWhereThePolicyWantsItOnIsMedium() {
    assertThat(SettingsHarness.run(rule, "positive-off-against-strict.yml")).hasSize(2).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("sha_pinning_required: false", "the policy expects true", "select");
    });
  }

  @Test
  void onWhereThePolicyWantsItOffIsLowWithTheReason() {
    assertThat(SettingsHarness.run(rule, "positive-on-against-example-policy.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("sha_pinning_required: true", "the policy expects false", "stricter than the policy");
    });
  }
}
