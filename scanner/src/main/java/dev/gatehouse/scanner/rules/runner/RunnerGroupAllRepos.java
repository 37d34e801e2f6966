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
import java.util.List;

/**
 * A group visible to every repository hands its runners, and whatever credentials and network
 * they hold, to every repository created later, including ones with weak review or outside
 * collaborators.
 */
@RuleInfo(
    id = "runner-group-all-repos",
    summary = "runner group is available to every repository in the organization",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.RUNNER)
public final class RunnerGroupAllRepos implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    String org = context.orgLogin();
    if (!(context.org().runnerGroups() instanceof Readable.Available<List<RunnerGroup>> groups)) {
      return; // setting-not-evaluated reports an unreadable group list
    }
    Readable<List<Runner>> runners = context.org().runners();
    Boolean allRepositories = Membership.posture(context.posture()).allRepositories();
    for (RunnerGroup group : groups.value()) {
      if (!"all".equals(group.visibility())) {
        continue;
      }
      List<Runner> members = Membership.members(group, runners);
      String who = members.isEmpty() ? "" : " Its runners: " + Membership.names(members) + ".";
      SettingsContext.Report report = context.report(org, Resources.orgRunnerGroup(org, group.id()), "visibility",
              "Runner group '" + group.name() + "' is available to all repositories: every current and future repository "
                  + "can run jobs on its self-hosted runners." + who + " Set its repository access to selected "
                  + "repositories that need these runners")
          .evidence(group.name());
      Severity severity = Severity.MEDIUM;
      if (Boolean.TRUE.equals(allRepositories)) {
        severity = severity.lowered();
        report.severity(severity, "the policy lets every repository use self-hosted runners (runners.all-repositories: true)");
      }
      if (Membership.knownEmpty(group, runners)) {
        report.severity(Severity.INFO, "no runner is in the group today; it matters as soon as one joins");
      }
      report.emit();
    }
  }
}
