package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import java.util.List;

/**
 * When Actions is enabled for every repository, each new or forgotten repository can run workflows
 * with the organization's runners and secrets; enabling it for selected repositories keeps that an
 * explicit decision.
 */
@RuleInfo(
    id = "actions-enabled-all-repos",
    summary = "actions is enabled for every repository where the policy expects a selection",
    severity = Severity.LOW,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class ActionsEnabledAllRepos implements SettingsRule {

  /** Narrowest first. */
  private static final List<String> ORDER = List.of("none", "selected", "all");

  @Override
  public void check(SettingsContext context) {
    String want = context.posture().enabledRepositories();
    if (want == null || !ORDER.contains(want)) {
      return; // the policy takes no position
    }
    ActionsPermissions o = context.org().actionsPermissions().orNull();
    if (o == null || o.enabledRepositories() == null || !ORDER.contains(o.enabledRepositories())
        || ORDER.indexOf(o.enabledRepositories()) <= ORDER.indexOf(want)) {
      return;
    }
    String org = context.orgLogin();
    context.report(org, Resources.orgPermissions(org), "enabled_repositories",
            "The organization enables GitHub Actions for " + o.enabledRepositories() + " repositories (enabled_repositories: "
                + o.enabledRepositories() + "); the policy expects " + want + ". Under Organization settings > Actions > "
                + "General > Policies, choose " + (want.equals("none") ? "\"Disable actions\"" : "\"Enable for selected "
                + "repositories\" and select the repositories that run workflows") + ".")
        .emit();
  }
}
