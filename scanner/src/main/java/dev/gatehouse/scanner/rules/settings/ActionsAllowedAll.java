package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;

/**
 * With {@code allowed_actions: all}, any workflow may run any action from any repository, so one
 * hijacked tag anywhere on GitHub runs with the job's token and secrets; an allowlist keeps the
 * set of third-party code the organization runs a reviewed decision.
 */
@RuleInfo(
    id = "actions-allowed-all",
    summary = "any action from any repository may run where the policy expects an allowlist",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class ActionsAllowedAll implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    String want = context.posture().allowedActions();
    if (want == null || want.equals("all")) {
      return; // the policy takes no position, or accepts "all"
    }
    String org = context.orgLogin();
    ActionsPermissions o = context.org().actionsPermissions().orNull();
    if (o != null && "all".equals(o.allowedActions()) && !"none".equals(o.enabledRepositories())) {
      context.report(org, Resources.orgPermissions(org), "allowed_actions",
              "The organization allows any action or reusable workflow (allowed_actions: all); the policy expects "
                  + want + ". " + remedy(want, "Organization settings"))
          .emit();
    }
    for (RepoSnapshot repo : context.repos()) {
      ActionsPermissions p = repo.actionsPermissions().orNull();
      if (p == null || Boolean.FALSE.equals(p.enabled()) || !"all".equals(p.allowedActions())) {
        continue; // unreadable, not applicable, Actions disabled, or restricted
      }
      String r = repo.repository().fullName();
      SettingsContext.Report report = context.report(r, Resources.repoPermissions(r), "allowed_actions",
          "Repository " + r + " allows any action or reusable workflow (allowed_actions: all); the policy expects "
              + want + ". " + remedy(want, "the repository's Settings"));
      if (repo.repository().archived()) {
        report.severity(Severity.LOW, "the repository is archived, so its workflows do not run until it is unarchived");
      }
      report.emit();
    }
  }

  static String remedy(String want, String where) {
    String choice = want.equals("local_only")
        ? "\"Allow <org> actions and reusable workflows\""
        : "\"Allow <org>, and select non-<org>, actions and reusable workflows\" with the reviewed allowlist";
    return "Under " + where + " > Actions > General > Actions permissions, choose " + choice + ".";
  }
}
