package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.Uses;
import java.util.Collection;
import java.util.List;

/**
 * The allowlist judgement of the settings rules, for callers outside them (the action inventory,
 * the settings posture), so that a page never calls allowed what a rule reports as blocked.
 */
public final class Allowlists {

  public enum Status { ALLOWED, BLOCKED, UNKNOWN }

  /** Whether the organization's settings let a {@code uses:} run, and why. */
  public record Verdict(Status status, String why) {}

  private static final List<String> MODES = List.of("all", "local_only", "selected");

  private Allowlists() {}

  /**
   * Judges a remote {@code uses:} against the organization's Actions permissions and allowlist;
   * either may be null when it could not be read, which yields {@link Status#UNKNOWN}.
   */
  public static Verdict verdict(String org, ActionsPermissions permissions, SelectedActions selected, Uses uses) {
    String mode = permissions == null ? null : permissions.allowedActions();
    if (mode == null || !MODES.contains(mode)) {
      return new Verdict(Status.UNKNOWN, mode == null ? "allowed_actions is unknown" : "allowed_actions is " + mode);
    }
    if (mode.equals("selected") && selected == null) {
      return new Verdict(Status.UNKNOWN, "the allowlist could not be read");
    }
    Readable<SelectedActions> list = selected == null ? Readable.notApplicable("allowed_actions is " + mode) : Readable.of(selected);
    String blocked = ActionsUsedNotAllowed.blockedBy(org, permissions, list, uses, "the organization's");
    if (blocked != null) {
      return new Verdict(Status.BLOCKED, blocked);
    }
    if (mode.equals("all")) {
      return new Verdict(Status.ALLOWED, "allowed_actions is all");
    }
    if (AllowlistPatterns.ownedBy(uses, org)) {
      return new Verdict(Status.ALLOWED, org + "'s own action");
    }
    if (selected.githubOwnedAllowed() && AllowlistPatterns.githubOwned(uses)) {
      return new Verdict(Status.ALLOWED, "GitHub-owned actions are allowed (github_owned_allowed)");
    }
    for (String pattern : selected.patternsAllowed()) {
      if (!AllowlistPatterns.blocking(pattern) && AllowlistPatterns.matches(pattern, uses)) {
        return new Verdict(Status.ALLOWED, "allowed by " + pattern);
      }
    }
    // Not blocked and matched by nothing: only verified_allowed lets it through.
    return new Verdict(Status.UNKNOWN, "allowed only if its creator is verified on the Marketplace (verified_allowed), "
        + "which cannot be told offline");
  }

  /** The allowing entries of {@code patterns} that match none of {@code uses}; blocking ({@code !}) entries never are. */
  public static List<String> unused(List<String> patterns, Collection<Uses> uses) {
    return patterns.stream()
        .filter(p -> !AllowlistPatterns.blocking(p))
        .filter(p -> uses.stream().noneMatch(u -> AllowlistPatterns.matches(p, u)))
        .toList();
  }

  /** Whether the policy's allowlist pattern allows at least everything {@code entry} allows. */
  public static boolean covers(String policyPattern, String entry) {
    return AllowlistPatterns.covers(policyPattern, entry);
  }

  /** A {@code !}-prefixed entry narrows the list instead of widening it. */
  public static boolean blocking(String pattern) {
    return AllowlistPatterns.blocking(pattern);
  }
}
