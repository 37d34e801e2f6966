package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsUsedNotAllowedTest {

  private final ActionsUsedNotAllowed rule = new ActionsUsedNotAllowed();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void onePerRepositoryAndActionNamingFilesAndTheBlockingLayer() {
    List<Finding> findings = SettingsHarness.run(rule, "positive-blocked.yml");
    assertThat(findings).hasSize(3).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(findings).anySatisfy(f -> assertThat(f.message())
        .startsWith("codecov/codecov-action@v3, codecov/codecov-action@v4 is used in")
        .contains(".github/workflows/ci.yml:", ".github/workflows/nightly.yml:")
        .doesNotContain("@v5")
        .contains("the organization's allowlist (allowed_actions: selected) has no entry that matches it"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message())
        .contains("tj-actions/changed-files@v45", "the organization's allowlist blocks it (!tj-actions/*)"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message())
        .contains("actions/setup-python@v5", "acme/lib's Actions permissions allow only acme's own actions"));
  }
}
