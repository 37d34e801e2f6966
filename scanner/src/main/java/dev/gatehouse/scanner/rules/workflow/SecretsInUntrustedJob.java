package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs.Exposure;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs.SecretRef;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;

/**
 * Every secret a job can read is readable by code that job runs. Once a privileged job checks out
 * a pull request, its secrets are one build script away from the PR's author, so each one is
 * listed for rotation and for moving into a job that never touches PR code.
 */
@RuleInfo(
    id = "secrets-in-untrusted-job",
    summary = "secret used in a privileged job that checks out pull request code",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW)
public final class SecretsInUntrustedJob implements WorkflowRule {

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // an action does not know its trigger; the calling workflow is audited instead
    }
    for (Job job : workflow.jobs()) {
      List<Exposure> exposures = UntrustedCheckoutJobs.exposures(context, job);
      if (exposures.isEmpty()) {
        continue;
      }
      Exposure first = exposures.stream().filter(e -> e.execution() != null).findFirst().orElse(exposures.get(0));
      String how = first.checkout().reason() + (first.execution() == null ? "" : " and runs it");
      String gate = UntrustedCheckoutJobs.gate(job, context.repo());
      for (SecretRef secret : UntrustedCheckoutJobs.secrets(workflow, job)) {
        String name = secret.name().equals("*") ? "every secret of the repository (" + secret.text() + ")"
            : "secrets." + secret.name();
        WorkflowContext.Report report = context.report(name + " is available to job '" + job.id() + "', which under "
                + UntrustedCheckoutJobs.triggers(workflow) + " " + how + "; code from the pull request can read it."
                + " Move the secret to a job that does not check out PR code (or behind an environment with"
                + " required reviewers), and rotate it if untrusted code has run here")
            .at(secret.pos(context.file().lines()), job.path())
            .evidence(job.id() + "/" + secret.name().toUpperCase(java.util.Locale.ROOT));
        if (gate != null) {
          report.severity(Severity.HIGH.lowered(), gate);
        }
        report.emit();
      }
    }
  }
}
