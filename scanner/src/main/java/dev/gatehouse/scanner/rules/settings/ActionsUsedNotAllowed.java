package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.ActionUse;
import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Workflows that use an action the effective allowlist blocks fail when they run; such a gap is
 * usually closed in a hurry by widening the allowlist or switching to "allow all", so it is
 * reported before that happens. Correlates the org's action inventory with the allowlists.
 */
@RuleInfo(
    id = "actions-used-not-allowed",
    summary = "workflows use actions the effective allowlist blocks, so those runs fail",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class ActionsUsedNotAllowed implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    String org = context.orgLogin();
    ActionsPermissions orgPermissions = context.org().actionsPermissions().orNull();
    if (orgPermissions != null && "none".equals(orgPermissions.enabledRepositories())) {
      return; // Actions is disabled for the whole organization: nothing runs
    }
    Map<String, List<ActionUse>> byRepo = new TreeMap<>();
    context.scan().inventory().uses().stream().filter(u -> u.uses().remote())
        .forEach(u -> byRepo.computeIfAbsent(u.repository(), k -> new ArrayList<>()).add(u));
    for (RepoSnapshot repo : context.repos()) {
      String r = repo.repository().fullName();
      ActionsPermissions repoPermissions = repo.actionsPermissions().orNull();
      if (repo.repository().archived() || (repoPermissions != null && Boolean.FALSE.equals(repoPermissions.enabled()))) {
        continue; // its workflows do not run
      }
      Map<String, List<ActionUse>> blocked = new TreeMap<>();
      Map<String, String> why = new TreeMap<>();
      for (ActionUse use : byRepo.getOrDefault(r, List.of())) {
        String reason = blockedBy(org, orgPermissions, context.org().selectedActions(), use.uses(), "the organization's");
        if (reason == null) {
          reason = blockedBy(org, repoPermissions, repo.selectedActions(), use.uses(), r + "'s");
        }
        if (reason != null) {
          blocked.computeIfAbsent(use.uses().target(), k -> new ArrayList<>()).add(use);
          why.putIfAbsent(use.uses().target(), reason);
        }
      }
      blocked.forEach((action, list) -> {
        TreeSet<String> refs = new TreeSet<>();
        TreeSet<String> files = new TreeSet<>();
        list.forEach(u -> {
          refs.add(u.uses().ref() == null ? action : action + "@" + u.uses().ref());
          files.add(u.file() + ":" + u.line());
        });
        context.report(r, "/repos/" + r, "", String.join(", ", refs) + " is used in " + String.join(", ", files)
                + ", but " + why.get(action) + ", so these runs fail. Add a reviewed entry for it to the allowlist "
                + "(and to actions.allowlist in the policy), or replace the action.")
            .evidence(action).emit();
      });
    }
  }

  /** Why this layer blocks {@code uses}, or null when it allows it or cannot tell. */
  static String blockedBy(String org, ActionsPermissions p, Readable<SelectedActions> list, Uses uses, String whose) {
    if (p == null || p.allowedActions() == null || p.allowedActions().equals("all") || AllowlistPatterns.ownedBy(uses, org)) {
      return null; // unknown, everything allowed, or the organization's own action
    }
    if (p.allowedActions().equals("local_only")) {
      return whose + " Actions permissions allow only " + org + "'s own actions (allowed_actions: local_only)";
    }
    SelectedActions s = list.orNull();
    if (!p.allowedActions().equals("selected") || s == null) {
      return null; // the allowlist could not be read: cannot tell
    }
    for (String pattern : s.patternsAllowed()) {
      if (AllowlistPatterns.blocking(pattern) && AllowlistPatterns.matches(pattern, uses)) {
        return whose + " allowlist blocks it (" + pattern + ")";
      }
    }
    if (s.githubOwnedAllowed() && AllowlistPatterns.githubOwned(uses)) {
      return null;
    }
    if (s.patternsAllowed().stream().anyMatch(pattern -> !AllowlistPatterns.blocking(pattern) && AllowlistPatterns.matches(pattern, uses))) {
      return null;
    }
    if (s.verifiedAllowed()) {
      return null; // whether the creator is verified cannot be told offline
    }
    return whose + " allowlist (allowed_actions: selected) has no entry that matches it";
  }
}
