package dev.gatehouse.scanner.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.parse.WorkflowParser;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.policy.PolicyLoader;
import dev.gatehouse.scanner.rules.RuleHarness;
import dev.gatehouse.scanner.rules.workflow.TemplateInjection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine applies the policy: severity overrides, exceptions within their scope and expiry. */
class AuditEnginePolicyTest {

  private static final String WORKFLOW = """
      on: issues
      permissions: {}
      jobs:
        triage:
          runs-on: ubuntu-latest
          steps:
            - run: echo "${{ github.event.issue.title }}"
      """;

  private static List<Finding> audit(String policy, String repo) {
    AuditEngine engine = new AuditEngine(List.of(new TemplateInjection()), PolicyLoader.parse(policy), new WorkflowParser(), RuleHarness.CLOCK);
    return engine.auditFile(RepoContext.unknown(repo), new SourceFile(".github/workflows/triage.yml", WORKFLOW.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void exceptionInScopeSuppressesWithItsReasonAndOwner() {
    List<Finding> findings = audit("""
        exceptions:
          - rule: template-injection
            repo: acme/*
            path: .github/workflows/triage.yml
            job: triage
            reason: title is printed only
            owner: sec@acme.example
            expires: 2026-12-31
        """, "acme/web");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.suppressed()).isTrue();
      assertThat(f.suppression().kind()).isEqualTo(Suppression.Kind.EXCEPTION);
      assertThat(f.suppression().owner()).isEqualTo("sec@acme.example");
      assertThat(f.suppression().repoDeclared()).isFalse();
    });
  }

  @Test
  void exceptionOutOfScopeOrExpiredDoesNotApply() {
    String other = "exceptions:\n  - {rule: template-injection, repo: acme/api, reason: r, owner: o, expires: 2026-12-31}\n";
    assertThat(audit(other, "acme/web")).singleElement().satisfies(f -> assertThat(f.suppressed()).isFalse());
    String expired = "exceptions:\n  - {rule: template-injection, reason: r, owner: o, expires: 2026-11-26}\n";
    assertThat(audit(expired, "acme/web")).singleElement().satisfies(f -> assertThat(f.suppressed()).isFalse());
    String lastDay = "exceptions:\n  - {rule: template-injection, reason: r, owner: o, expires: 2026-11-27}\n";
    assertThat(audit(lastDay, "acme/web")).singleElement().satisfies(f -> assertThat(f.suppressed()).isTrue());
  }

  @Test
  void severityOverrideReplacesTheSeverityAndSaysSo() {
    assertThat(audit("severity:\n  template-injection: critical\n", "acme/web")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).endsWith("(severity set by policy)");
    });
    assertThat(Policy.strict().severityOverrides()).isEmpty();
  }
}
