package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.ActionUse;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import java.util.List;

/**
 * An allowlist entry nothing uses any more still lets that action run the day someone adds it
 * back, unreviewed; pruning keeps the list equal to what was reviewed and in use.
 */
@RuleInfo(
    id = "actions-allowlist-stale",
    summary = "allowed-actions entries that no workflow in scope uses any more",
    severity = Severity.LOW,
    confidence = Confidence.MEDIUM,
    target = Target.SETTINGS)
public final class ActionsAllowlistStale implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    String org = context.orgLogin();
    List<ActionUse> uses = context.scan().inventory().uses();
    SelectedActions o = context.org().selectedActions().orNull();
    // An unreadable repository may be the one that still uses an entry: then nothing is stale.
    boolean allRead = context.repos().stream().noneMatch(r -> r.files() instanceof Readable.Unavailable<?>);
    if (o != null && allRead && ActionsAllowlistOutsidePolicy.inEffect(context.org().actionsPermissions().orNull())) {
      judge(context, org, Resources.orgSelectedActions(org), "The organization's allowlist", "any repository of " + org,
          o, uses);
    }
    for (RepoSnapshot repo : context.repos()) {
      SelectedActions s = repo.selectedActions().orNull();
      String r = repo.repository().fullName();
      if (s != null && repo.files().available() && ActionsAllowlistOutsidePolicy.inEffect(repo.actionsPermissions().orNull())) {
        judge(context, r, Resources.repoSelectedActions(r), "The allowlist of " + r, r, s,
            uses.stream().filter(u -> u.repository().equals(r)).toList());
      }
    }
  }

  private static void judge(SettingsContext context, String subject, String resource, String who, String scope,
      SelectedActions s, List<ActionUse> uses) {
    for (String entry : s.patternsAllowed()) {
      if (AllowlistPatterns.blocking(entry)) {
        continue; // a blocking entry is useful precisely when nothing uses what it names
      }
      if (uses.stream().noneMatch(u -> AllowlistPatterns.matches(entry, u.uses()))) {
        context.report(subject, resource, "patterns_allowed/" + entry, who + " allows " + entry + ", but no workflow or "
                + "action in " + scope + " uses anything it matches. Remove the entry, and add it back, after review, "
                + "when a workflow needs it.")
            .evidence(entry).emit();
      }
    }
  }
}
