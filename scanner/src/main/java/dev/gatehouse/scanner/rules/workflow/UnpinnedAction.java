package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.PinKind;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.policy.PinLevel;
import dev.gatehouse.scanner.policy.PinningPolicy;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.regex.Pattern;

/**
 * A tag or branch is a pointer the action's owner (or whoever steals their access) can move, and
 * the next run executes the new code with this job's token and secrets; only a full commit SHA
 * is immutable. How strict to be per owner is the team's policy.
 */
@RuleInfo(
    id = "unpinned-action",
    summary = "action or reusable workflow not pinned as the policy requires",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"unpinned-uses"})
public final class UnpinnedAction implements WorkflowRule {

  private static final Pattern SHORT_SHA = Pattern.compile("^[0-9a-fA-F]{7,39}$");
  private static final String SLSA_GENERATOR = "slsa-framework/slsa-github-generator/";
  private static final Pattern RELEASE_TAG = Pattern.compile("^v\\d+\\.\\d+\\.\\d+$");

  @Override
  public void check(WorkflowContext context) {
    PinningPolicy policy = context.policy().pinning();
    Workflow workflow = context.workflow();
    if (workflow != null) {
      for (Job job : workflow.jobs()) {
        if (job.uses() != null) {
          check(context, policy, job.uses(), "reusable workflow", job.path() + ".uses");
        }
      }
    }
    for (Step step : context.file().allSteps()) {
      if (step.uses() != null) {
        check(context, policy, step.uses(), "action", step.path() + ".uses");
      }
    }
  }

  private static void check(WorkflowContext context, PinningPolicy policy, Uses uses, String kind, String path) {
    // ./ and $/ (self-repository) references run this repository's code at this commit; docker:// is unpinned-image's
    if (!uses.remote()) {
      return;
    }
    PinningPolicy.Match match = policy.levelFor(uses.target());
    boolean satisfied = switch (match.level()) {
      // the SLSA generators refuse to run unless called by a full release tag (they fetch that release's builder)
      case HASH_PIN -> uses.pin() == PinKind.FULL_SHA
          || (uses.target().startsWith(SLSA_GENERATOR) && uses.ref() != null && RELEASE_TAG.matcher(uses.ref()).matches());
      case REF_PIN -> uses.pin() != PinKind.NONE;
      case ANY -> true;
    };
    if (satisfied) {
      return;
    }
    String need = match.level() == PinLevel.HASH_PIN
        ? "a full 40-character commit SHA (keep the version in a comment: @<sha> # v1.2.3)"
        : "a ref (@v1.2.3 or a commit SHA)";
    context.report(kind + " " + uses.raw().trim() + " is pinned to " + describe(uses) + ", but policy pattern '"
            + match.pattern() + "' requires " + match.level().id() + ": pin it to " + need)
        .at(uses.pos(), path)
        .evidence(uses.raw().trim())
        .emit();
  }

  private static String describe(Uses uses) {
    return switch (uses.pin()) {
      case TAG -> "tag " + uses.ref() + ", which its owner can move";
      case BRANCH -> SHORT_SHA.matcher(uses.ref()).matches()
          ? "abbreviated SHA " + uses.ref() + ", which a branch or tag of that name can shadow"
          : "branch or ref " + uses.ref() + ", which moves with every push";
      case NONE -> "no ref at all";
      default -> uses.pin().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
