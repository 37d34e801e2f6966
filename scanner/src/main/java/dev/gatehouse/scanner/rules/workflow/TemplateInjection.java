package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.parse.Expressions;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.SourcePositions;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.Triggers;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attacker-controlled expressions expanded into code. GitHub substitutes {@code ${{ }}} into
 * the script text before the shell runs, so quoting in the script does not help; an
 * environment variable does.
 */
@RuleInfo(
    id = "template-injection",
    summary = "attacker-controlled expression expanded into a shell or script",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"template-injection"})
public final class TemplateInjection implements WorkflowRule {

  /** Action inputs that are executed as code, by action. */
  private static final Map<String, Set<String>> CODE_INPUTS = Map.of(
      "actions/github-script", Set.of("script"),
      "azure/cli", Set.of("inlinescript"),
      "azure/powershell", Set.of("inlinescript"),
      "appleboy/ssh-action", Set.of("script"),
      "nick-fields/retry", Set.of("command"),
      "addnab/docker-run-action", Set.of("run"),
      "jannekem/run-python-script-action", Set.of("script"),
      "mathiasvr/command-output", Set.of("run"));

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow != null) {
      Set<String> privileged = Triggers.privileged(workflow);
      for (Job job : workflow.jobs()) {
        for (Step step : job.steps()) {
          sinks(step).forEach(sink -> inspect(context, job, step, sink, privileged));
        }
      }
    } else {
      for (Step step : context.action().steps()) {
        sinks(step).forEach(sink -> inspect(context, null, step, sink, null));
      }
    }
  }

  private static List<Scalar> sinks(Step step) {
    if (step.run() != null) {
      return List.of(step.run());
    }
    if (step.uses() != null && step.uses().remote()) {
      Set<String> inputs = CODE_INPUTS.get(step.uses().slug());
      if (inputs != null) {
        return step.with().entrySet().stream()
            .filter(e -> inputs.contains(e.getKey().toLowerCase(java.util.Locale.ROOT)))
            .map(Map.Entry::getValue).toList();
      }
    }
    return List.of();
  }

  private static void inspect(WorkflowContext context, Job job, Step step, Scalar sink, Set<String> privileged) {
    for (Expressions.Expression e : Expressions.find(sink.value())) {
      List<String> sources = context.analysis().taint().sources(e.body(), job, step);
      if (sources.isEmpty()) {
        continue;
      }
      String where = step.run() != null ? "a run script" : "the code input of " + step.uses().slug();
      String text = "${{ " + e.body() + " }}";
      WorkflowContext.Report report = context.report(text + " is expanded into " + where + "; "
              + String.join(", ", sources) + " is attacker-controlled. Pass it through an env: variable and quote that")
          .at(step, SourcePositions.of(context.file().lines(), sink, e.start(), sink.value().substring(e.start(), e.end())))
          .evidence(e.body().replaceAll("\\s+", ""));
      if (privileged == null) {
        report.severity(Severity.MEDIUM, "in an action, the calling trigger is not known");
      } else if (privileged.isEmpty()) {
        report.severity(Severity.MEDIUM, "no privileged trigger: the job runs with the fork's read-only token");
      } else {
        report.severity(Severity.HIGH, null);
      }
      if (sources.stream().allMatch(s -> s.contains(" via "))) {
        report.confidence(Confidence.MEDIUM);
      }
      report.emit();
    }
  }
}
