package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialPersistenceTest {

  private final CredentialPersistence rule = new CredentialPersistence();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void plainCheckoutIsMediumAndNamesAStoredToken() {
    List<Finding> findings = RuleHarness.run(rule, "positive-default.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(findings.get(0).message()).contains("persist-credentials defaults to true", "persist-credentials: false");
    assertThat(findings.get(3).message()).contains("${{ secrets.RELEASE_PAT }} (which outlives the job)");
  }

  @Test
  void workspaceUploadRaisesToHighUnlessCheckoutKeepsTheTokenOutside() {
    List<Finding> findings = RuleHarness.run(rule, "positive-upload.yml");
    assertThat(findings).extracting(Finding::severity).containsExactly(Severity.HIGH, Severity.HIGH, Severity.MEDIUM);
    assertThat(findings.get(0).message()).contains("uploads the workspace");
    assertThat(findings.get(0).related()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(16));
  }

  @Test
  void untrustedCodeInTheJobRaisesToHigh() {
    assertThat(RuleHarness.run(rule, "positive-untrusted-code.yml")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("pull request code runs in this job", "gh pr checkout");
    });
  }

  @Test
  void zizmorArtipackedIgnoreSuppressesIt() {
    assertThat(RuleHarness.run(rule, "positive-zizmor-ignore.yml")).singleElement().satisfies(f -> {
      assertThat(f.suppressed()).isTrue();
      assertThat(f.suppression().reason()).isEqualTo("the next step pushes a tag");
    });
  }
}
