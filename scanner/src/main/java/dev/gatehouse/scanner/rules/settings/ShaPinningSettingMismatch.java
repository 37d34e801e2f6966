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
 * GitHub's {@code sha_pinning_required} makes runs fail on any action not pinned to a full commit
 * SHA. Off where the policy wants it, a moved tag runs unreviewed code; on where the policy
 * deliberately allows tags (see the pinning section), every tag-pinned run fails.
 */
@RuleInfo(
    id = "sha-pinning-setting-mismatch",
    summary = "github's sha pinning requirement is on or off against the policy",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class ShaPinningSettingMismatch implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    Boolean want = context.posture().shaPinningRequired();
    if (want == null) {
      return; // the policy takes no position
    }
    String org = context.orgLogin();
    ActionsPermissions o = context.org().actionsPermissions().orNull();
    if (o != null && !"none".equals(o.enabledRepositories())) {
      judge(context, org, Resources.orgPermissions(org), "The organization", "Organization settings", o, want);
    }
    for (RepoSnapshot repo : context.repos()) {
      ActionsPermissions p = repo.actionsPermissions().orNull();
      if (p != null && !Boolean.FALSE.equals(p.enabled())) {
        String r = repo.repository().fullName();
        judge(context, r, Resources.repoPermissions(r), "Repository " + r, "the repository's Settings", p, want);
      }
    }
  }

  private static void judge(SettingsContext context, String subject, String resource, String who, String where,
      ActionsPermissions p, boolean want) {
    Boolean actual = p.shaPinningRequired();
    if (actual == null || actual == want) {
      return; // null: this GitHub (older GHES) does not report the setting
    }
    String fix = " Under " + where + " > Actions > General, " + (want ? "select" : "clear")
        + " \"Require actions to be pinned to a full-length commit SHA\".";
    SettingsContext.Report report = context.report(subject, resource, "sha_pinning_required", want
        ? who + " does not require actions to be pinned to a commit SHA (sha_pinning_required: false); the policy "
            + "expects true." + fix
        : who + " requires every action to be pinned to a commit SHA (sha_pinning_required: true); the policy expects "
            + "false and lets some actions follow tags (its pinning section), so those runs fail." + fix);
    if (!want) {
      report.severity(Severity.LOW, "stricter than the policy: runs of tag-pinned actions fail, nothing is exposed");
    }
    report.emit();
  }
}
