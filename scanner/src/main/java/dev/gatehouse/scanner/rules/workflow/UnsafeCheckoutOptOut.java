package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.Triggers;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;
import java.util.Locale;

/**
 * actions/checkout v7 refuses to check out a fork's code under privileged triggers; this input
 * turns that guard off, so it marks the exact place where a workflow chose the risky path.
 */
@RuleInfo(
    id = "unsafe-checkout-opt-out",
    summary = "actions/checkout told to check out fork code under privileged triggers",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW)
public final class UnsafeCheckoutOptOut implements WorkflowRule {

  private static final String INPUT = "allow-unsafe-pr-checkout";

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    List<Step> steps = workflow != null ? workflow.allSteps() : context.action().steps();
    for (Step step : steps) {
      if (step.uses() == null || !step.uses().is("actions/checkout")) {
        continue;
      }
      Scalar optOut = step.with(INPUT);
      if (optOut == null) {
        continue;
      }
      String value = optOut.value().strip().toLowerCase(Locale.ROOT);
      boolean expression = optOut.containsExpression() && !value.matches("\\$\\{\\{\\s*false\\s*}}");
      if (!value.equals("true") && !expression) {
        continue; // false or empty keeps the guard on
      }
      WorkflowContext.Report report = context.report(INPUT + ": " + optOut.value().strip()
              + " turns off actions/checkout's refusal to check out a fork's pull request under privileged triggers."
              + " Remove it and handle PR code in a pull_request workflow; if the job must see the PR, read it"
              + " through the API instead of checking it out")
          .at(step, optOut.pos())
          .evidence(INPUT);
      if (expression) {
        report.confidence(Confidence.MEDIUM);
      }
      if (workflow != null && !Triggers.anyPrivileged(workflow)) {
        report.severity(Severity.LOW, "no privileged trigger in this workflow today, so the opt-out has no effect yet");
      }
      report.emit();
    }
  }
}
