package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The maintained list of AI agent actions (docs/rules/ai-agent-untrusted-input.md mirrors it),
 * and for each, how a workflow hands the agent a shell. Add an agent here, with its docs line.
 */
public final class AiAgents {

  /** An agent step: the action (or "gh-aw"), a display name, and the shell grant seen, or null. */
  public record Agent(String id, String name, String shell) {}

  /** Action {@code owner/repo} (lowercase) to the agent's name. */
  public static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("anthropics/claude-code-action", "Claude Code"),
      Map.entry("anthropics/claude-code-base-action", "Claude Code"),
      Map.entry("openai/codex-action", "Codex"),
      Map.entry("google-github-actions/run-gemini-cli", "Gemini CLI"),
      Map.entry("google-gemini/gemini-cli-action", "Gemini CLI"),
      Map.entry("actions/ai-inference", "GitHub Models inference"),
      Map.entry("qodo-ai/pr-agent", "PR-Agent"),
      Map.entry("codium-ai/pr-agent", "PR-Agent"),
      Map.entry("the-pr-agent/pr-agent", "PR-Agent"),
      Map.entry("coderabbitai/ai-pr-reviewer", "CodeRabbit AI PR reviewer"));

  /** GitHub Agentic Workflows (gh-aw) compile to a lock file whose setup action marks the job. */
  private static final Set<String> GH_AW_SETUP = Set.of("github/gh-aw-actions/setup", "githubnext/gh-aw/actions/setup");
  private static final String GH_AW_AGENT_STEP = "agentic_execution";

  private static final Pattern CLAUDE_DENIED = Pattern.compile(
      "--disallowed-?tools[= ]+(\"[^\"]*\"|'[^']*'|\\S+)|\"deny\"\\s*:\\s*\\[[^\\]]*\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLAUDE_BYPASS = Pattern.compile("--dangerously-skip-permissions|bypassPermissions");
  private static final Pattern CLAUDE_BASH = Pattern.compile("\\bBash(\\([^)]*\\))?");
  private static final Pattern CODEX_UNSAFE = Pattern.compile(
      "danger-full-access|--dangerously-bypass-approvals-and-sandbox|--yolo|network_access\\s*=\\s*true");
  private static final Pattern GEMINI_EXCLUDED = Pattern.compile("\"exclude(Tools)?\"\\s*:\\s*\\[[^\\]]*\\]");
  private static final Pattern GEMINI_SHELL = Pattern.compile("run_shell_command(\\([^)]*\\))?|yolo", Pattern.CASE_INSENSITIVE);

  private AiAgents() {}

  /** The agent {@code step} of {@code job} runs, or null when it runs none. */
  public static Agent of(Step step, Job job) {
    if (step.uses() != null && step.uses().remote()) {
      String slug = step.uses().slug();
      String name = ACTIONS.get(slug);
      return name == null ? null : new Agent(slug, name, shell(slug, step));
    }
    if (GH_AW_AGENT_STEP.equals(step.id()) && job.steps().stream()
        .anyMatch(s -> s.uses() != null && s.uses().remote() && GH_AW_SETUP.contains(s.uses().target()))) {
      // gh-aw runs the engine inside its own firewall sandbox with a read-only token and writes
      // only through reviewed "safe outputs"; its --allow-all-tools is not counted as a free shell.
      return new Agent("gh-aw", "A GitHub Agentic Workflow", null);
    }
    return null;
  }

  private static String shell(String slug, Step step) {
    if (slug.startsWith("anthropics/")) {
      String text = CLAUDE_DENIED.matcher(inputs(step, "claude_args", "allowed_tools", "settings")).replaceAll(" ");
      Matcher bypass = CLAUDE_BYPASS.matcher(text);
      if (bypass.find()) {
        return bypass.group();
      }
      Matcher bash = CLAUDE_BASH.matcher(text);
      return bash.find() ? bash.group() : null;
    }
    if (slug.equals("openai/codex-action")) {
      if ("unsafe".equals(input(step, "safety-strategy"))) {
        return "safety-strategy: unsafe";
      }
      Matcher m = CODEX_UNSAFE.matcher(inputs(step, "sandbox", "permission-profile", "codex-args"));
      return m.find() ? m.group() : null;
    }
    if (slug.contains("gemini")) {
      String text = GEMINI_EXCLUDED.matcher(inputs(step, "settings", "gemini_cli_args")).replaceAll(" ");
      Matcher m = GEMINI_SHELL.matcher(text);
      return m.find() ? m.group() : null;
    }
    return null; // review bots and plain inference: no tool that runs commands
  }

  private static String input(Step step, String name) {
    Scalar s = step.with(name);
    return s == null ? null : s.value().strip().toLowerCase(Locale.ROOT);
  }

  private static String inputs(Step step, String... names) {
    StringBuilder text = new StringBuilder();
    for (String name : names) {
      Scalar s = step.with(name);
      if (s != null) {
        text.append(s.value()).append('\n');
      }
    }
    return text.toString();
  }

  /** For a docs check: every listed action, sorted. */
  public static List<String> listed() {
    return ACTIONS.keySet().stream().sorted().toList();
  }
}
