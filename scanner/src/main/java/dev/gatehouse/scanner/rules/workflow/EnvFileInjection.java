package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.EnvFileWrites;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.ScriptSources;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.SourcePositions;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.Triggers;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Attacker data written to an environment file. A newline in it defines any variable for every
 * later step ({@code BASH_ENV}, {@code NODE_OPTIONS}, {@code LD_PRELOAD}: code execution), a
 * {@code $GITHUB_PATH} entry puts an attacker-named directory first on {@code PATH}, and in
 * {@code $GITHUB_OUTPUT} it forges the step's other outputs.
 */
@RuleInfo(
    id = "env-file-injection",
    summary = "attacker-controlled data written to the runner's env, path or output file",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"github-env"})
public final class EnvFileInjection implements WorkflowRule {

  /** Git refs, labels, repository names and logins cannot contain a newline. */
  private static final Pattern SINGLE_LINE = Pattern.compile(
      "^\\S*(head_ref|head\\.ref|head\\.label|head_branch|\\.ref|repo\\.name|repo\\.full_name|repository\\.name"
          + "|repository\\.full_name|login)(\\s|$)");
  private static final Pattern RANDOM = Pattern.compile("openssl rand|uuidgen|\\$RANDOM|/dev/u?random|kernel/random/uuid");
  private static final Pattern DYNAMIC_DELIMITER = Pattern.compile("<<\\s*\"?\\$");

  @Override
  public void check(WorkflowContext context) {
    if (context.workflow() == null) {
      context.action().steps().forEach(step -> inspect(context, null, step, true));
      return;
    }
    if (!Triggers.anyPrivileged(context.workflow())) {
      return; // without a privileged trigger the job holds no secrets and a read-only token
    }
    for (Job job : context.workflow().jobs()) {
      job.steps().forEach(step -> inspect(context, job, step, false));
    }
  }

  private static void inspect(WorkflowContext context, Job job, Step step, boolean inAction) {
    if (step.run() == null) {
      return;
    }
    String script = step.run().value();
    boolean artifacts = job != null && context.workflow().events().contains("workflow_run") && downloadsArtifacts(job, step);
    ScriptSources scriptSources = new ScriptSources(context.analysis().taint(), job, step, artifacts);
    // A random heredoc delimiter cannot be guessed, so a newline in the value cannot end it.
    boolean randomDelimiter = DYNAMIC_DELIMITER.matcher(script).find() && RANDOM.matcher(script).find();
    for (EnvFileWrites.Written w : EnvFileWrites.in(script)) {
      Map<String, Boolean> sources = scriptSources.of(w.text(), w.expands());
      boolean path = w.file().equals("GITHUB_PATH");
      if (!path) {
        // Only a newline makes data in ENV/OUTPUT dangerous; refs and names cannot hold one.
        sources.keySet().removeIf(s -> SINGLE_LINE.matcher(s).find());
      }
      if (sources.isEmpty() || (randomDelimiter && !path)) {
        continue;
      }
      String effect = switch (w.file()) {
        case "GITHUB_PATH" -> "puts an attacker-named directory first on PATH for the later steps";
        case "GITHUB_OUTPUT" -> "a newline in it forges this step's other outputs";
        default -> "a newline in it defines any environment variable (BASH_ENV, NODE_OPTIONS, LD_PRELOAD) for the later steps";
      };
      String needle = w.text().strip();
      WorkflowContext.Report report = context.report("Writes " + String.join(", ", sources.keySet()) + " to $" + w.file()
              + ": " + effect + ". Keep outsider data out of environment files; pass it to the steps that need it through env:"
              + (path ? "" : ", or write it with a random heredoc delimiter"))
          .at(step, SourcePositions.of(context.file().lines(), step.run(), w.offset(), needle))
          .evidence(w.file() + ":" + needle.replaceAll("\\s+", ""));
      if (inAction) {
        report.severity(Severity.MEDIUM, "in an action, the calling trigger is not known");
      }
      if (!sources.containsValue(Boolean.TRUE)) {
        report.confidence(Confidence.MEDIUM);
      }
      report.emit();
    }
  }

  /** Whether a step before {@code step} downloads artifacts (under workflow_run: the triggering run's). */
  private static boolean downloadsArtifacts(Job job, Step step) {
    for (Step s : job.steps()) {
      if (s == step) {
        return false;
      }
      if ((s.uses() != null && (s.uses().is("actions/download-artifact") || s.uses().is("dawidd6/action-download-artifact")))
          || (s.run() != null && s.run().value().contains("gh run download"))) {
        return true;
      }
    }
    return false;
  }
}
