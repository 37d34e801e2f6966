package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.policy.Posture;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import java.util.List;

/**
 * When every repository may use self-hosted runners, any repository (including a public one taking
 * fork pull requests) can target persistent machines inside the network; limiting the setting to
 * selected repositories keeps runner access a reviewed decision.
 */
@RuleInfo(
    id = "self-hosted-runners-all-repos",
    summary = "every repository may use self-hosted runners",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class SelfHostedRunnersAllRepos implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    Posture.Runners want = context.posture().runners();
    if (want == null || !Boolean.FALSE.equals(want.allRepositories())) {
      return; // the policy takes no position, or accepts it
    }
    String value = context.org().selfHostedRunnersRepositories().orNull();
    if (!"all".equals(value)) {
      return;
    }
    String org = context.orgLogin();
    SettingsContext.Report report = context.report(org, Resources.orgSelfHostedRunners(org), "enabled_repositories",
        "Every repository in the organization may use self-hosted runners (self-hosted runners enabled_repositories: "
            + "all); the policy expects selected repositories only. Under Organization settings > Actions > General > "
            + "Runners, choose \"Selected repositories\" and list the repositories that need them.");
    if (noRunners(context)) {
      report.severity(Severity.LOW, "no self-hosted runner is registered yet, so this applies once one is");
    }
    report.emit();
  }

  /** True only when every runner list was read and all are empty. */
  private static boolean noRunners(SettingsContext context) {
    List<Runner> org = context.org().runners().orNull();
    if (org == null || !org.isEmpty()) {
      return false;
    }
    for (RepoSnapshot repo : context.repos()) {
      List<Runner> runners = repo.runners().orNull();
      if (repo.runners() instanceof Readable.Unavailable<?> || (runners != null && !runners.isEmpty())) {
        return false;
      }
    }
    return true;
  }
}
