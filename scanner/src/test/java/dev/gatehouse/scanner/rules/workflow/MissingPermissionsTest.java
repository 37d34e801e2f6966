package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.scanner.parse.WorkflowParser;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.rule.AuditEngine;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.RepoContext;
import dev.gatehouse.scanner.rule.RepoSettings;
import java.nio.charset.StandardCharsets;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingPermissionsTest {

  private final MissingPermissions rule = new MissingPermissions();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void workflowWithoutAnyBlockIsOneFindingNamingEveryJob() {
    List<Finding> findings = RuleHarness.run(rule, "positive-no-permissions.yml");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.location().path()).isEqualTo("on");
      assertThat(f.message()).contains("(test, lint)", "repository default token");
    });
  }

  @Test
  void bareJobsAreReportedOneByOneWithTheDefaultTokenHook() {
    List<Finding> findings = RuleHarness.run(rule, "positive-some-jobs.yml");
    assertThat(findings).extracting(f -> f.location().path()).containsExactly("jobs.test", "jobs.build");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).contains("gets the repository default token"));
  }

  private static final String WORKFLOW = "on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n";

  private static Finding under(Readable<WorkflowTokenDefaults> token) {
    RepoSettings settings = new RepoSettings(token, Readable.unavailable(-1, "n/a"), Readable.unavailable(-1, "n/a"),
        Readable.unavailable(-1, "n/a"));
    AuditEngine engine = new AuditEngine(List.of(new MissingPermissions()), Policy.strict(), new WorkflowParser(), RuleHarness.CLOCK);
    List<Finding> findings = engine.auditFile(RepoContext.unknown("acme/web").withSettings(settings),
        new SourceFile(".github/workflows/ci.yml", WORKFLOW.getBytes(StandardCharsets.UTF_8)));
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  @Test
  void oneWorkflowThreeSeveritiesUnderThreeDefaultTokens() {
    Finding write = under(Readable.of(new WorkflowTokenDefaults("write", false)));
    assertThat(write.severity()).isEqualTo(Severity.HIGH);
    assertThat(write.message()).contains("default workflow token of this repository is read-write");
    Finding read = under(Readable.of(new WorkflowTokenDefaults("read", false)));
    assertThat(read.severity()).isEqualTo(Severity.LOW);
    assertThat(read.message()).contains("read-only");
    Finding unknown = under(Readable.unavailable(403, "403 Resource not accessible by integration"));
    assertThat(unknown.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(unknown.message()).contains("default token not evaluated: 403 Resource not accessible by integration");
    assertThat(write.fingerprint()).isEqualTo(read.fingerprint()).isEqualTo(unknown.fingerprint());
  }
}
