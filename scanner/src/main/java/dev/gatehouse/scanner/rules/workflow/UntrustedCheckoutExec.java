package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Gates;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs.Exposure;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;

/**
 * The "pwn request": a privileged run checks out the pull request's code and then runs it, so
 * whoever opened the PR runs their code with the base repository's token and secrets.
 */
@RuleInfo(
    id = "untrusted-checkout-exec",
    summary = "privileged workflow checks out pull request code and then runs it",
    severity = Severity.CRITICAL,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW)
public final class UntrustedCheckoutExec implements WorkflowRule {

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // an action does not know its trigger; the calling workflow is audited instead
    }
    for (Job job : workflow.jobs()) {
      for (Exposure exposure : UntrustedCheckoutJobs.exposures(context, job)) {
        if (exposure.execution() != null) {
          report(context, workflow, job, exposure);
        }
      }
    }
  }

  private static void report(WorkflowContext context, Workflow workflow, Job job, Exposure exposure) {
    Step checkout = exposure.checkout().step();
    Step runs = exposure.execution();
    String where = runs == checkout ? "the same script then runs commands in it"
        : "later steps run in the same workspace, starting with '" + runs.label() + "'";
    String privileges = UntrustedCheckoutJobs.privileges(workflow, job);
    String gate = UntrustedCheckoutJobs.gate(job, context.repo());
    WorkflowContext.Report report = context.report("Under " + UntrustedCheckoutJobs.triggers(workflow) + ", job '" + job.id()
            + "' " + exposure.checkout().reason() + " (the pull request's code) and " + where
            + (privileges == null ? "" : "; " + privileges)
            + (Gates.unverifiedEnvironment(job, context.repo()) == null ? "" : "; " + Gates.unverifiedEnvironment(job, context.repo()))
            + ". Do not run PR code in a privileged workflow: build and test it under pull_request and pass results"
            + " through an artifact, or check out the base ref only")
        .at(checkout, UntrustedCheckoutJobs.checkoutPos(context, exposure.checkout()))
        .evidence(exposure.checkout().reason());
    if (runs != checkout) {
      Pos related = runs.run() != null ? runs.run().pos() : runs.uses().pos();
      report.related(related, runs.path());
    }
    if (gate != null) {
      report.severity(Severity.CRITICAL.lowered(), gate);
    }
    // A ref taken from an earlier step's or job's output is resolved at run time; we infer it names the head.
    if (exposure.checkout().reason().contains("steps.") || exposure.checkout().reason().contains("needs.")) {
      report.confidence(Confidence.MEDIUM);
    }
    report.emit();
  }
}
