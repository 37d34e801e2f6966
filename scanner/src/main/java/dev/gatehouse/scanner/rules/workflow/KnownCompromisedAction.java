package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.CompromisedActionList;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;

/**
 * A ref that once resolved to attacker code may have run it with this workflow's secrets, and
 * a tag the attacker could move once can be moved again; the fix is a reviewed commit SHA and,
 * for runs inside the exposure window, rotating what they could read.
 */
@RuleInfo(
    id = "known-compromised-action",
    summary = "action used at a ref covered by a known compromise or advisory",
    severity = Severity.CRITICAL,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"known-vulnerable-actions"})
public final class KnownCompromisedAction implements WorkflowRule {

  private final CompromisedActionList list;

  public KnownCompromisedAction() {
    this(CompromisedActionList.bundled());
  }

  /** With another list (e.g. one refreshed from the advisories API). */
  public KnownCompromisedAction(CompromisedActionList list) {
    this.list = list;
  }

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow != null) {
      for (Job job : workflow.jobs()) {
        if (job.uses() != null) {
          check(context, job.uses(), job.path() + ".uses");
        }
      }
    }
    for (Step step : context.file().allSteps()) {
      if (step.uses() != null) {
        check(context, step.uses(), step.path() + ".uses");
      }
    }
  }

  private void check(WorkflowContext context, Uses uses, String path) {
    for (CompromisedActionList.Hit hit : list.lookup(uses)) {
      CompromisedActionList.Entry e = hit.entry();
      StringBuilder message = new StringBuilder(uses.raw().trim()).append(" is covered by ").append(e.id());
      if (e.cve() != null) {
        message.append(" (").append(e.cve()).append(')');
      }
      message.append(": ").append(hit.reason()).append(". ").append(e.summary() == null ? "" : e.summary() + ". ");
      if (e.compromise()) {
        message.append("Treat every secret a run could read").append(e.window() == null ? "" : " during " + e.window())
            .append(" as exposed and rotate it; ");
      }
      message.append(e.patched() == null ? "pin a reviewed commit SHA" : "move to " + e.patched() + " or later, pinned by commit SHA");
      WorkflowContext.Report report = context.report(message.toString())
          .at(uses.pos(), path)
          .evidence(e.id() + ":" + uses.raw().trim());
      if (e.severity() != Severity.CRITICAL) {
        report.severity(e.severity(), "advisory severity; not a known compromise");
      }
      // exposure through a nested action depends on what that version of the wrapper ran
      if (e.via() != null) {
        report.confidence(Confidence.MEDIUM);
      }
      report.emit();
    }
  }
}
