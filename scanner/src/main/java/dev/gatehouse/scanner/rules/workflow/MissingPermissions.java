package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Without a {@code permissions:} block a job gets whatever the repository or organization default
 * token allows, which is write access to most scopes in older repositories; declaring the scopes
 * makes the grant reviewable and immune to a settings change.
 */
@RuleInfo(
    id = "missing-permissions",
    summary = "job with no permissions block runs with the repository default token",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"excessive-permissions"})
public final class MissingPermissions implements WorkflowRule {

  private static final Pattern ON_KEY = Pattern.compile("^[\"']?on[\"']?\\s*:");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    // actions have no token of their own; a workflow-level block covers every job
    if (workflow == null || workflow.permissions() != null) {
      return;
    }
    // a called workflow's token is the caller's, which caps it; the caller is where to declare it
    if (workflow.events().equals(Set.of("workflow_call"))) {
      return;
    }
    List<Job> bare = workflow.jobs().stream()
        .filter(j -> j.permissions() == null && (j.callsReusableWorkflow() || !j.steps().isEmpty())).toList();
    if (bare.isEmpty()) {
      return;
    }
    if (bare.size() == workflow.jobs().size() && bare.size() > 1) {
      List<String> ids = bare.stream().map(Job::id).toList();
      correlate(context, context.report("no permissions: block in this workflow or in any of its jobs (" + String.join(", ", ids)
              + "): every job gets the repository default token. Add a top-level permissions: block "
              + "(e.g. contents: read) and grant more per job where needed")
          .at(onLine(workflow), "on")
          .evidence("workflow"))
          .emit();
      return;
    }
    for (Job job : bare) {
      correlate(context, context.report("job " + job.id() + " sets no permissions: and neither does the workflow: it gets the "
              + "repository default token. Declare the scopes it needs (e.g. permissions: contents: read)")
          .at(job)
          .evidence("job"))
          .emit();
    }
  }

  /**
   * The default token decides what an undeclared job may do: write makes this high, read makes it
   * low; when the setting could not be read the finding stays medium and says it was not evaluated.
   */
  private static WorkflowContext.Report correlate(WorkflowContext context, WorkflowContext.Report report) {
    Readable<WorkflowTokenDefaults> token = context.repo().settings().tokenDefaults();
    if (token instanceof Readable.Available<WorkflowTokenDefaults> t) {
      if ("write".equals(t.value().defaultWorkflowPermissions())) {
        return report.severity(Severity.HIGH, "the default workflow token of this repository is read-write");
      }
      if ("read".equals(t.value().defaultWorkflowPermissions())) {
        return report.severity(Severity.LOW, "the default workflow token of this repository is read-only");
      }
    }
    return report.severity(Severity.MEDIUM, null).note("default token not evaluated: " + token.reason());
  }

  /** The line of the top-level {@code on:} key (the value's position is one line lower for a mapping). */
  private static Pos onLine(Workflow workflow) {
    List<String> lines = workflow.lines();
    for (int i = 0; i < lines.size() && i < workflow.onPos().line(); i++) {
      if (ON_KEY.matcher(lines.get(i)).find()) {
        return new Pos(i + 1, 1);
      }
    }
    return workflow.onPos();
  }
}
