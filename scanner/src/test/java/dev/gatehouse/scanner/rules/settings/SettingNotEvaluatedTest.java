package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingNotEvaluatedTest {

  private final SettingNotEvaluated rule = new SettingNotEvaluated();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void messageNamesTheReasonAndTheControlsLeftUnevaluated() {
    List<Finding> findings = SettingsHarness.run(rule, "positive-no-admin-token.yml");
    assertThat(findings).anySatisfy(f -> assertThat(f.message())
        .contains("the organization's Actions permissions could not be read")
        .contains("token lacks administration=read")
        .contains("actions-allowed-all", "sha-pinning-setting-mismatch"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message())
        .contains("the default workflow token of acme/web").contains("default-token-writable", "missing-permissions"));
  }
}
