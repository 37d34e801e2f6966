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
 * Anyone on GitHub can open a pull request on a public repository, so a group that serves public
 * repositories lets strangers' code onto the organization's machines and networks.
 */
@RuleInfo(
    id = "runner-group-public-repos",
    summary = "runner group lets public repositories use its self-hosted runners",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.RUNNER)
public final class RunnerGroupPublicRepos implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    String org = context.orgLogin();
    if (!(context.org().runnerGroups() instanceof Readable.Available<List<RunnerGroup>> groups)) {
      return; // setting-not-evaluated reports an unreadable group list
    }
    Readable<List<Runner>> runners = context.org().runners();
    Boolean allowed = Membership.posture(context.posture()).publicRepositories();
    for (RunnerGroup group : groups.value()) {
      if (!group.allowsPublicRepositories()) {
        continue;
      }
      List<Runner> members = Membership.members(group, runners);
      String who = members.isEmpty() ? "" : " Its runners: " + Membership.names(members) + ".";
      SettingsContext.Report report = context.report(org, Resources.orgRunnerGroup(org, group.id()), "allows_public_repositories",
              "Runner group '" + group.name() + "' allows public repositories: a pull request from any GitHub user can run "
                  + "code on its self-hosted runners." + who + " Turn off 'Allow public repositories' and run public "
                  + "repositories' jobs on GitHub-hosted runners"
                  + (group.inherited() ? " (the group is inherited from the enterprise: change it there)" : ""))
          .evidence(group.name());
      Severity severity = Severity.HIGH;
      if (Boolean.TRUE.equals(allowed)) {
        severity = severity.lowered();
        report.severity(severity, "the policy allows runner groups to serve public repositories (runners.public-repositories: true)");
      }
      if (Membership.knownEmpty(group, runners)) {
        report.severity(Severity.LOW, "no runner is in the group today; it matters as soon as one joins");
      }
      report.emit();
    }
  }
}
