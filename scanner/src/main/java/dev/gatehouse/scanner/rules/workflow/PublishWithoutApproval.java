package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.CacheAndPublishSteps;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A release is the one run whose output everyone downstream installs; with no environment that
 * requires reviewers, a pushed tag, a compromised maintainer token or a poisoned earlier step
 * publishes without a second person seeing it.
 */
@RuleInfo(
    id = "publish-without-approval",
    summary = "publish or release job runs without an environment that requires reviewers",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW)
public final class PublishWithoutApproval implements WorkflowRule {

  /** Site deployments, not releases: GitHub creates their github-pages environment without reviewers by design. */
  private static final Set<String> SITE_DEPLOYS = Set.of("actions/deploy-pages", "peaceiris/actions-gh-pages");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // an action cannot name an environment; the workflow that uses it is judged
    }
    for (Job job : workflow.jobs()) {
      Step publish = job.steps().stream().filter(PublishWithoutApproval::releases).findFirst().orElse(null);
      if (publish == null) {
        continue;
      }
      Scalar environment = job.environment();
      String what = "Job '" + job.id() + "' publishes (" + publish.label() + ")";
      if (environment == null || environment.value().isBlank()) {
        context.report(what + " with no environment: nobody approves a release before it goes out. Add "
                + "'environment: <name>' to the job and give that environment required reviewers")
            .at(job)
            .evidence(publish.label())
            .emit();
        continue;
      }
      String name = environment.value().strip();
      Optional<Map<String, Boolean>> reviewed = context.repo().environmentsWithReviewers();
      if (environment.containsExpression() || reviewed.isEmpty()) {
        continue; // which environment, or its protection, is unknown: setting-not-evaluated reports unread environments
      }
      Boolean requires = reviewed.get().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      if (Boolean.TRUE.equals(requires)) {
        continue;
      }
      String state = requires == null
          ? "does not exist in the repository yet, so GitHub creates it on first use with no protection"
          : "has no required reviewers";
      context.report(what + " through environment '" + name + "', which " + state + ": nobody approves a release "
              + "before it goes out. Add required reviewers to environment '" + name + "'")
          .at(environment.pos(), job.path() + ".environment")
          .evidence(name)
          .emit();
    }
  }

  private static boolean releases(Step step) {
    return CacheAndPublishSteps.publishes(step)
        && !(step.uses() != null && step.uses().remote() && SITE_DEPLOYS.contains(step.uses().target()));
  }
}
