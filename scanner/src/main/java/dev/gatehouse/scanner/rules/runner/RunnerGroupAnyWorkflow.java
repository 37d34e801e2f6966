package dev.gatehouse.scanner.rules.runner;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Sensitive lanes (GPUs, deploy hosts, signing machines) are meant for a few reviewed workflows;
 * without a workflow restriction any workflow in an allowed repository, including one a
 * contributor just added on a branch, can claim them.
 */
@RuleInfo(
    id = "runner-group-any-workflow",
    summary = "runner group with sensitive runners is not restricted to selected workflows",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.RUNNER)
public final class RunnerGroupAnyWorkflow implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    String org = context.orgLogin();
    Set<String> sensitive = Membership.posture(context.posture()).sensitiveLabels().stream()
        .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    if (sensitive.isEmpty()) {
      return; // the policy names no sensitive labels: no position
    }
    // Both inputs are needed: setting-not-evaluated reports either one missing.
    if (!(context.org().runnerGroups() instanceof Readable.Available<List<RunnerGroup>> groups)
        || !context.org().runners().available()) {
      return;
    }
    for (RunnerGroup group : groups.value()) {
      if (group.restrictedToWorkflows()) {
        continue;
      }
      Set<String> labels = new TreeSet<>();
      List<Runner> carriers = new ArrayList<>();
      for (Runner runner : Membership.members(group, context.org().runners())) {
        List<String> hits = runner.labels().stream().filter(l -> sensitive.contains(l.toLowerCase(Locale.ROOT))).toList();
        if (!hits.isEmpty()) {
          labels.addAll(hits);
          carriers.add(runner);
        }
      }
      if (carriers.isEmpty()) {
        continue;
      }
      context.report(org, Resources.orgRunnerGroup(org, group.id()), "restricted_to_workflows",
              "Runner group '" + group.name() + "' holds runners with sensitive labels (" + String.join(", ", labels) + ": "
                  + Membership.names(carriers) + ") but is not restricted to selected workflows: any workflow in a "
                  + "repository the group serves can run on them. Restrict the group to the workflows that need these runners")
          .evidence(group.name() + ":" + String.join(",", labels))
          .emit();
    }
  }
}
