package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs.Exposure;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;

/**
 * A privileged run checks out the pull request's code but nothing is seen running it. The files
 * are still attacker-written: a tool that reads its config from the workspace, a later edit that
 * adds a build step, or a token left in {@code .git/config} turns this into code execution.
 */
@RuleInfo(
    id = "untrusted-checkout",
    summary = "privileged workflow checks out pull request code",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW)
public final class UntrustedCheckout implements WorkflowRule {

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // an action does not know its trigger; the calling workflow is audited instead
    }
    for (Job job : workflow.jobs()) {
      for (Exposure exposure : UntrustedCheckoutJobs.exposures(context, job)) {
        // With execution after it, untrusted-checkout-exec reports this checkout instead.
        if (exposure.execution() == null) {
          report(context, workflow, job, exposure);
        }
      }
    }
  }

  private static void report(WorkflowContext context, Workflow workflow, Job job, Exposure exposure) {
    String privileges = UntrustedCheckoutJobs.privileges(workflow, job);
    String gate = UntrustedCheckoutJobs.gate(job, context.repo());
    WorkflowContext.Report report = context.report("Under " + UntrustedCheckoutJobs.triggers(workflow) + ", job '" + job.id()
            + "' " + exposure.checkout().reason() + " (the pull request's code); no later step is seen running it, but"
            + " any tool that reads the workspace would act on attacker-written files"
            + (privileges == null ? "" : "; " + privileges)
            + ". Check out the base ref, or handle PR code in a pull_request workflow without secrets")
        .at(exposure.checkout().step(), UntrustedCheckoutJobs.checkoutPos(context, exposure.checkout()))
        .evidence(exposure.checkout().reason());
    if (gate != null) {
      report.severity(Severity.HIGH.lowered(), gate);
    }
    // A ref taken from an earlier step's or job's output is resolved at run time; we infer it names the head.
    if (exposure.checkout().reason().contains("steps.") || exposure.checkout().reason().contains("needs.")) {
      report.confidence(Confidence.MEDIUM);
    }
    report.emit();
  }
}
