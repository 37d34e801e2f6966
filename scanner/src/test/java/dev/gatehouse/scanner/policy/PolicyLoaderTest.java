package dev.gatehouse.scanner.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.scanner.rule.Severity;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

  @Test
  void mostSpecificPatternWins() {
    Policy p = PolicyLoader.parse("""
        pinning:
          "actions/*": ref-pin
          "actions/checkout": hash-pin
          "acme/*": any
          "*": hash-pin
        """);
    assertThat(p.pinning().levelFor("actions/setup-node").level()).isEqualTo(PinLevel.REF_PIN);
    assertThat(p.pinning().levelFor("actions/setup-node").pattern()).isEqualTo("actions/*");
    assertThat(p.pinning().levelFor("Actions/Checkout").level()).isEqualTo(PinLevel.HASH_PIN);
    assertThat(p.pinning().levelFor("acme/tools/deploy").level()).isEqualTo(PinLevel.ANY);
    assertThat(p.pinning().levelFor("someone/else").level()).isEqualTo(PinLevel.HASH_PIN);
    assertThat(p.pinning().levelFor("someone/else").pattern()).isEqualTo("*");
  }

  @Test
  void exampleAndDefaultPoliciesLoad() throws Exception {
    Policy example = PolicyLoader.load(Path.of("../docs/policy-example.yml"));
    assertThat(example.pinning().levelFor("pypa/gh-action-pypi-publish").level()).isEqualTo(PinLevel.REF_PIN);
    assertThat(example.pinning().levelFor("github/codeql-action/init").level()).isEqualTo(PinLevel.REF_PIN);
    assertThat(example.pinning().levelFor("docker/login-action").level()).isEqualTo(PinLevel.HASH_PIN);
    assertThat(example.selfHostedLabels()).containsExactly("gpu_public");
    assertThat(example.posture().allowedActions()).isEqualTo("selected");
    assertThat(example.posture().githubOwnedAllowed()).isTrue();
    assertThat(example.posture().allowlist()).contains("pypa/*");
    assertThat(example.posture().shaPinningRequired()).isFalse();
    assertThat(example.posture().defaultTokenPermissions()).isEqualTo("read");
    assertThat(example.posture().canApprovePullRequests()).isFalse();
    assertThat(example.posture().forkPrApproval()).isEqualTo("all_external_contributors");
    assertThat(example.posture().privateForkPr().requireApproval()).isTrue();
    assertThat(example.posture().runners().sensitiveLabels()).containsExactly("gpu");
    assertThat(example.posture().runners().maxOfflineDays()).isEqualTo(14);
    assertThat(example.posture().alertThreshold()).isEqualTo(Severity.HIGH);
    assertThat(example.exceptions()).singleElement().satisfies(e -> {
      assertThat(e.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
      assertThat(e.matches("template-injection", "acme/release-tools", ".github/workflows/announce.yml", "post")).isTrue();
      assertThat(e.matches("template-injection", "acme/other", ".github/workflows/announce.yml", "post")).isFalse();
      assertThat(e.expiredOn(LocalDate.of(2027, 4, 1))).isTrue();
      assertThat(e.expiredOn(LocalDate.of(2027, 3, 31))).isFalse();
    });
    try (InputStream in = Policy.class.getResourceAsStream("default-policy.yml")) {
      Policy strict = PolicyLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(strict.pinning().levelFor("actions/checkout").level()).isEqualTo(PinLevel.HASH_PIN);
      assertThat(strict.exceptions()).isEmpty();
      assertThat(strict.posture()).isEqualTo(Policy.strict().posture());
    }
  }

  @Test
  void severityOverridesAreRead() {
    Policy p = PolicyLoader.parse("severity:\n  template-injection: critical\n");
    assertThat(p.severityOverrides()).containsEntry("template-injection", Severity.CRITICAL);
  }

  @Test
  void mistakesNameTheKey() {
    assertThatThrownBy(() -> PolicyLoader.parse("pinnning: {}\n")).hasMessageContaining("unknown key 'pinnning'");
    assertThatThrownBy(() -> PolicyLoader.parse("severity:\n  no-such-rule: high\n")).hasMessageContaining("unknown rule 'no-such-rule'");
    assertThatThrownBy(() -> PolicyLoader.parse("severity:\n  template-injection: severe\n")).hasMessageContaining("unknown severity 'severe'");
    assertThatThrownBy(() -> PolicyLoader.parse("exceptions:\n  - rule: template-injection\n    reason: x\n    owner: y\n"))
        .hasMessageContaining("exceptions[0]: 'expires' is required");
    assertThatThrownBy(() -> PolicyLoader.parse("exceptions:\n  - rule: template-injection\n    reason: x\n    owner: y\n    expires: soon\n"))
        .hasMessageContaining("is not a date");
    assertThatThrownBy(() -> PolicyLoader.parse("version: 2\n")).hasMessageContaining("unsupported version 2");
    assertThatThrownBy(() -> PolicyLoader.parse("pinning: [\n")).hasMessageContaining("invalid YAML");
    assertThatThrownBy(() -> PolicyLoader.parse("token:\n  default-permissions: admin\n"))
        .hasMessageContaining("token.default-permissions: 'admin' is not one of [read, write]");
    assertThatThrownBy(() -> PolicyLoader.parse("runners:\n  ephemral: true\n")).hasMessageContaining("runners: unknown key 'ephemral'");
    assertThatThrownBy(() -> PolicyLoader.parse("fork-pr:\n  private-repositories:\n    send-secrets: maybe\n"))
        .hasMessageContaining("fork-pr.private-repositories.send-secrets: expected true or false");
  }
}
