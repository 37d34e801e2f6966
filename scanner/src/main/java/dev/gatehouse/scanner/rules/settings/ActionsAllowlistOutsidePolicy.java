package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.SelectedActions;
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
 * The allowlist on GitHub is the control; the policy's allowlist is what was reviewed. An entry
 * added in the settings page (or a wholesale "verified creators" switch) widens what may run
 * without passing that review.
 */
@RuleInfo(
    id = "actions-allowlist-outside-policy",
    summary = "the allowed-actions list allows more than the policy's allowlist",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class ActionsAllowlistOutsidePolicy implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    String org = context.orgLogin();
    SelectedActions o = context.org().selectedActions().orNull();
    if (o != null && inEffect(context.org().actionsPermissions().orNull())) {
      judge(context, org, Resources.orgSelectedActions(org), "The organization's allowlist", "Organization settings", o);
    }
    for (RepoSnapshot repo : context.repos()) {
      SelectedActions s = repo.selectedActions().orNull();
      if (s != null && inEffect(repo.actionsPermissions().orNull())) {
        String r = repo.repository().fullName();
        judge(context, r, Resources.repoSelectedActions(r), "The allowlist of " + r, "the repository's Settings", s);
      }
    }
  }

  /** The list only applies in {@code selected} mode; unknown mode still judges the list GitHub returned. */
  static boolean inEffect(ActionsPermissions p) {
    return p == null || "selected".equals(p.allowedActions());
  }

  private static void judge(SettingsContext context, String subject, String resource, String who, String where,
      SelectedActions s) {
    Posture posture = context.posture();
    String page = " (" + where + " > Actions > General > Actions permissions)";
    if (s.githubOwnedAllowed() && Boolean.FALSE.equals(posture.githubOwnedAllowed())) {
      context.report(subject, resource, "github_owned_allowed", who + " allows every GitHub-owned action "
              + "(github_owned_allowed: true); the policy expects false. Clear \"Allow actions created by GitHub\"" + page
              + " and list the actions/* and github/* actions you use, or allow them in the policy.")
          .emit();
    }
    if (s.verifiedAllowed() && Boolean.FALSE.equals(posture.verifiedAllowed())) {
      context.report(subject, resource, "verified_allowed", who + " allows every action by a Marketplace verified "
              + "creator (verified_allowed: true); the policy expects false. Clear \"Allow Marketplace actions by "
              + "verified creators\"" + page + " and list the actions you use.")
          .emit();
    }
    List<String> allowed = posture.allowlist();
    if (allowed == null) {
      return; // the policy takes no position on individual entries
    }
    for (String entry : s.patternsAllowed()) {
      if (AllowlistPatterns.blocking(entry) || allowed.stream().anyMatch(p -> AllowlistPatterns.covers(p, entry))) {
        continue; // a blocking (!) entry only narrows the list
      }
      context.report(subject, resource, "patterns_allowed/" + entry, who + " allows " + entry
              + ", which the policy's allowlist does not cover" + (allowed.isEmpty() ? " (it is empty)" : " ("
              + String.join(", ", allowed) + ")") + ". Remove the entry" + page + ", or add it to actions.allowlist in "
              + "the policy after review.")
          .evidence(entry).emit();
    }
  }
}
