package dev.gatehouse.scanner.rules.runner;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registration nobody uses is a machine nobody patches: when it comes back online it runs
 * whatever jobs match its labels, with the software and credentials it had months ago.
 */
@RuleInfo(
    id = "runner-stale",
    summary = "self-hosted runner offline longer than the policy allows",
    severity = Severity.LOW,
    confidence = Confidence.HIGH,
    target = Target.RUNNER)
public final class RunnerStale implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    Integer maxDays = Membership.posture(context.posture()).maxOfflineDays();
    if (maxDays == null) {
      return; // the policy sets no limit
    }
    String org = context.orgLogin();
    for (Runner runner : context.org().runners() instanceof Readable.Available<List<Runner>> a ? a.value() : List.<Runner>of()) {
      check(context, org, Resources.orgRunner(org, runner.id()), "Organization runner", runner, maxDays);
    }
    for (RepoSnapshot repo : context.repos()) {
      if (repo.runners() instanceof Readable.Available<List<Runner>> runners) {
        String name = repo.repository().fullName();
        for (Runner runner : runners.value()) {
          check(context, name, Resources.repoRunner(name, runner.id()), "Runner of " + name, runner, maxDays);
        }
      }
    }
  }

  private static void check(SettingsContext context, String subject, String resource, String what, Runner runner, int maxDays) {
    Map<Long, Instant> since = context.scan().runnerOfflineSince();
    // Since when it is offline comes from earlier scans; without that history the age is unknown.
    if (!"offline".equals(runner.status()) || !since.containsKey(runner.id())) {
      return;
    }
    long days = Duration.between(since.get(runner.id()), context.scan().at()).toDays();
    if (days <= maxDays) {
      return;
    }
    context.report(subject, resource, "status", what + " '" + runner.name() + "' has been offline for " + days
            + " days (since " + since.get(runner.id()) + "), longer than the " + maxDays + " days the policy allows. Remove "
            + "the registration, or bring the machine back up to date before it takes jobs again")
        .evidence(runner.name())
        .emit();
  }
}
