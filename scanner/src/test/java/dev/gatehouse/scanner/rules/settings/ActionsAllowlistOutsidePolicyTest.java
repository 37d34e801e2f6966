package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsAllowlistOutsidePolicyTest {

  private final ActionsAllowlistOutsidePolicy rule = new ActionsAllowlistOutsidePolicy();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void entriesPointAtTheirPatternAndNameThePolicy() {
    List<Finding> findings = SettingsHarness.run(rule, "positive-against-policy.yml");
    assertThat(findings).extracting(f -> f.location().path()).containsExactlyInAnyOrder("verified_allowed",
        "patterns_allowed/codecov/codecov-action@*", "patterns_allowed/tj-actions/changed-files@*",
        "patterns_allowed/hashicorp/setup-terraform@v3");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(findings).anySatisfy(f -> assertThat(f.message())
        .contains("allows codecov/codecov-action@*", "docker/*, pypa/gh-action-pypi-publish@*, codecov/codecov-action@v5"));
  }

  @Test
  void coverage() {
    assertThat(AllowlistPatterns.covers("docker/*", "docker/login-action@*")).isTrue();
    assertThat(AllowlistPatterns.covers("docker/*", "docker/*")).isTrue();
    assertThat(AllowlistPatterns.covers("docker/login-action@*", "docker/*")).isFalse();
    assertThat(AllowlistPatterns.covers("codecov/codecov-action@v5", "codecov/codecov-action@v5")).isTrue();
    assertThat(AllowlistPatterns.covers("codecov/codecov-action@v5", "codecov/codecov-action@*")).isFalse();
    assertThat(AllowlistPatterns.covers("codecov/codecov-action@v5", "codecov/codecov-action")).isFalse();
    assertThat(AllowlistPatterns.covers("Docker/*", "docker/build-push-action@v6")).isTrue();
  }
}
