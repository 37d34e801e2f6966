package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.AiAgents;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiAgentUntrustedInputTest {

  private final AiAgentUntrustedInput rule = new AiAgentUntrustedInput();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void writeTokenIsCriticalReadOnlyIsHigh() {
    List<Finding> f = RuleHarness.run(rule, "positive-issue-triage.yml");
    assertThat(f.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.get(0).message()).contains("Claude Code", "issues", "issues: write").doesNotContain("shell tools");
    assertThat(f.get(1).severity()).isEqualTo(Severity.HIGH);
    assertThat(f.get(1).message()).contains("Codex (openai/codex-action)");
  }

  @Test
  void criticalStatesEachReason() {
    List<Finding> f = RuleHarness.run(rule, "positive-critical.yml");
    assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.CRITICAL));
    assertThat(f.get(0).message()).contains("shell tools are allowed (Bash(npm test:*))").doesNotContain("is given");
    assertThat(f.get(1).message()).contains("secrets.staging_deploy_key beyond the model key", "run_shell_command(git diff)");
    assertThat(f.get(2).message()).contains("no permissions: block", "default token");
  }

  @Test
  void gatesLowerOneStep() {
    List<Finding> f = RuleHarness.run(rule, "positive-gated.yml");
    assertThat(f.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(f.get(0).message()).contains("issues: write", "author's association");
    assertThat(f.get(1).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.get(1).message()).contains("environment 'ai-review'");
  }

  @Test
  void forkPullRequestIsMedium() {
    assertThat(RuleHarness.run(rule, "positive-pull-request.yml")).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(x.message()).contains("PR-Agent", "read-only token and no secrets");
    });
  }

  @Test
  void ghAwSandboxIsNotCountedAsAShell() {
    assertThat(RuleHarness.run(rule, "positive-gh-aw.lock.yml")).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.message()).contains("GitHub Agentic Workflow");
    });
  }

  @Test
  void docsListEveryAgent() throws IOException {
    String doc = Files.readString(Path.of("../docs/rules/ai-agent-untrusted-input.md"));
    assertThat(doc).contains(AiAgents.listed());
  }
}
