package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Trigger;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.policy.InlineSuppressions;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.Triggers;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An inventory of workflows that hold the base repository's token and secrets while an outsider
 * chooses when they run and what data they see; each one deserves a review, even when no other
 * rule fires on it.
 */
@RuleInfo(
    id = "dangerous-trigger",
    summary = "workflow runs with repository secrets on an outsider-started event",
    severity = Severity.INFO,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"dangerous-triggers"})
public final class DangerousTrigger implements WorkflowRule {

  /** What an outsider controls under each privileged trigger. */
  private static final Map<String, String> OUTSIDER_DATA = Map.of(
      "pull_request_target", "a fork's pull request (its branch, title, body and code)",
      "workflow_run", "the triggering run, which may be a fork's pull request (its branch, commits and artifacts)",
      "issue_comment", "a comment anyone can write on an issue or pull request",
      "pull_request_review_comment", "a review comment anyone can write",
      "issues", "an issue anyone can open (its title and body)",
      "discussion", "a discussion anyone can open (its title and body)",
      "discussion_comment", "a comment anyone can write on a discussion");

  private static final Pattern ON_KEY = Pattern.compile("^[\"']?on[\"']?\\s*:");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // actions have no triggers of their own
    }
    // zizmor users write their ignore comment on the on: line; point there so it still applies.
    Pos on = onKey(workflow);
    boolean onSuppressed = InlineSuppressions.at(workflow.lines(), on.line(), info().id(), Arrays.asList(info().aliases())).isPresent();
    for (Trigger trigger : workflow.triggers()) {
      if (!Triggers.PRIVILEGED.contains(trigger.event())) {
        continue;
      }
      context.report(trigger.event() + " runs this workflow with the base repository's token and secrets on "
              + OUTSIDER_DATA.get(trigger.event()) + ". Review it: do not check out or run pull request code here, pass outsider"
              + " text through env: variables, and keep permissions to the minimum")
          .at(onSuppressed ? on : trigger.pos(), "on." + trigger.event())
          .evidence(trigger.event())
          .emit();
    }
  }

  /** The line of the {@code on:} key itself (the parsed position is that of its value). */
  private static Pos onKey(Workflow workflow) {
    for (int line = workflow.onPos().line(); line >= 1; line--) {
      if (ON_KEY.matcher(workflow.lines().get(line - 1)).find()) {
        return new Pos(line, 1);
      }
    }
    return workflow.onPos();
  }
}
