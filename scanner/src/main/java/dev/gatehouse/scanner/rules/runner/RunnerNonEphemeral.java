package dev.gatehouse.scanner.rules.runner;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
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
 * A runner that takes job after job keeps whatever one job leaves behind: a backdoored tool, a
 * poisoned cache, a process waiting for the next job's secrets. Ephemeral runners are
 * re-registered fresh for every job.
 */
@RuleInfo(
    id = "runner-non-ephemeral",
    summary = "self-hosted runner is not ephemeral, so one job can tamper with the next",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.RUNNER)
public final class RunnerNonEphemeral implements SettingsRule {

  private static final String FIX = "Register it with --ephemeral (or use just-in-time runners) so every job gets a fresh runner";

  @Override
  public void check(SettingsContext context) {
    if (!Boolean.TRUE.equals(Membership.posture(context.posture()).ephemeral())) {
      return; // the policy does not require ephemeral runners
    }
    String org = context.orgLogin();
    Readable<List<RunnerGroup>> groups = context.org().runnerGroups();
    for (Runner runner : context.org().runners() instanceof Readable.Available<List<Runner>> a ? a.value() : List.<Runner>of()) {
      if (runner.ephemeral()) {
        continue;
      }
      RunnerGroup group = Membership.groupOf(runner, groups);
      String where = group != null ? " in group '" + group.name() + "'"
          : groups.available() ? "" : " (its group could not be checked: " + groups.reason() + ")";
      SettingsContext.Report report = context.report(org, Resources.orgRunner(org, runner.id()), "ephemeral",
          "Organization runner '" + runner.name() + "'" + where + " is not ephemeral: it runs job after job on the same "
              + "machine. " + FIX).evidence(runner.name());
      if (group != null && group.allowsPublicRepositories()) {
        report.severity(Severity.HIGH, "its group '" + group.name() + "' allows public repositories, so a stranger's pull request "
            + "can leave something behind for the next job");
      }
      report.emit();
    }
    for (RepoSnapshot repo : context.repos()) {
      if (!(repo.runners() instanceof Readable.Available<List<Runner>> runners)) {
        continue; // unreadable: setting-not-evaluated; not applicable: nothing runs
      }
      String name = repo.repository().fullName();
      for (Runner runner : runners.value()) {
        if (runner.ephemeral()) {
          continue;
        }
        SettingsContext.Report report = context.report(name, Resources.repoRunner(name, runner.id()), "ephemeral",
            "Runner '" + runner.name() + "' of repository " + name + " is not ephemeral: it runs job after job on the same "
                + "machine. " + FIX).evidence(runner.name());
        if (repo.repository().isPublic()) {
          report.severity(Severity.HIGH, "the repository is public, so a stranger's pull request can leave something behind "
              + "for the next job");
        }
        report.emit();
      }
    }
  }
}
