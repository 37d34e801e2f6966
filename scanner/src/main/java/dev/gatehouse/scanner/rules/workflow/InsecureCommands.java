package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.EnvFileWrites;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.SourcePositions;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-enabling the deprecated {@code ::set-env::} and {@code ::add-path::} workflow commands: any
 * step that prints text it does not control (a test log, a PR title, a downloaded file) can then
 * set environment variables or PATH for every later step of the job.
 */
@RuleInfo(
    id = "insecure-commands",
    summary = "actions_allow_unsecure_commands re-enables ::set-env:: and ::add-path::",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"insecure-commands"})
public final class InsecureCommands implements WorkflowRule {

  static final String NAME = "ACTIONS_ALLOW_UNSECURE_COMMANDS";
  private static final Pattern ENV_FILE_LINE = Pattern.compile(
      "(?i)\\b" + NAME + "\\s*=\\s*[\"']?\\s*true\\b");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow != null) {
      env(context, workflow.env(), "the workflow's env:", "env", null);
      for (Job job : workflow.jobs()) {
        env(context, job.env(), "the env: of job '" + job.id() + "'", job.path() + ".env", null);
        job.steps().forEach(step -> step(context, step));
      }
    } else {
      context.action().steps().forEach(step -> step(context, step));
    }
  }

  private static void step(WorkflowContext context, Step step) {
    env(context, step.env(), "the env: of step '" + step.label() + "'", step.path() + ".env", step);
    // A literal test before parsing the script's env-file writes: almost no script names the variable.
    if (step.run() == null || !(step.run().value().contains("UNSECURE") || step.run().value().contains("nsecure"))) {
      return;
    }
    // Written to $GITHUB_ENV, the variable is in the env of every later step of the job.
    for (EnvFileWrites.Written w : EnvFileWrites.in(step.run().value())) {
      Matcher m = ENV_FILE_LINE.matcher(w.text());
      if (w.file().equals("GITHUB_ENV") && m.find()) {
        context.report(NAME + "=true is written to $GITHUB_ENV in step '" + step.label()
                + "': every later step may run ::set-env:: and ::add-path::. Remove it and use $GITHUB_ENV and $GITHUB_PATH directly")
            .at(step, SourcePositions.of(context.file().lines(), step.run(), w.offset() + m.start(), m.group()))
            .evidence("github-env")
            .emit();
      }
    }
  }

  private static void env(WorkflowContext context, Map<String, Scalar> env, String where, String path, Step step) {
    for (Map.Entry<String, Scalar> e : env.entrySet()) {
      if (!e.getKey().equalsIgnoreCase(NAME)) {
        continue;
      }
      String value = e.getValue().value().strip().toLowerCase(Locale.ROOT);
      boolean expression = e.getValue().containsExpression();
      if (!value.equals("true") && !expression) {
        continue; // "false" or any other literal leaves the commands disabled (the runner parses a boolean)
      }
      WorkflowContext.Report report = context.report(e.getKey() + (expression ? " is set from an expression" : " is true")
              + " in " + where + ": ::set-env:: and ::add-path:: are re-enabled, so any step output can set environment "
              + "variables or PATH for later steps. Remove it and write to $GITHUB_ENV and $GITHUB_PATH instead")
          .evidence("env");
      if (step != null) {
        report.at(step, e.getValue().pos());
      } else {
        report.at(e.getValue().pos(), path + "." + e.getKey());
      }
      if (expression || !e.getKey().equals(NAME)) {
        // An expression may be false at run time; the runner reads the name case-sensitively except on Windows.
        report.confidence(Confidence.MEDIUM);
      }
      report.emit();
    }
  }
}
