package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.Uses;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GitHub's allowed-actions patterns ({@code owner/*}, {@code owner/repo@*}, {@code owner/repo@v2},
 * {@code owner/repo/path@<sha>}, and {@code !pattern} to block), shared by the allowlist rules.
 * Names match case-insensitively against {@code owner/repo[/path]}; refs match as written; a
 * pattern without {@code @} allows any ref.
 */
final class AllowlistPatterns {

  private AllowlistPatterns() {}

  /** A {@code !}-prefixed entry blocks what it matches instead of allowing it. */
  static boolean blocking(String pattern) {
    return pattern.startsWith("!");
  }

  /** Whether {@code pattern} (allowing or blocking) names this remote {@code uses:}. */
  static boolean matches(String pattern, Uses uses) {
    if (!uses.remote()) {
      return false;
    }
    String p = blocking(pattern) ? pattern.substring(1) : pattern;
    int at = p.lastIndexOf('@');
    String name = at < 0 ? p : p.substring(0, at);
    String ref = at < 0 ? null : p.substring(at + 1);
    if (!glob(name.toLowerCase(Locale.ROOT)).matcher(uses.target()).matches()) {
      return false;
    }
    return ref == null || ref.equals("*") || (uses.ref() != null && glob(ref).matcher(uses.ref()).matches());
  }

  /**
   * Whether the policy pattern allows at least everything {@code entry} allows: the entry's name
   * and ref, read literally (its {@code *} as a character), fall under the policy's globs.
   */
  static boolean covers(String policyPattern, String entry) {
    int pa = policyPattern.lastIndexOf('@');
    int ea = entry.lastIndexOf('@');
    String pName = (pa < 0 ? policyPattern : policyPattern.substring(0, pa)).toLowerCase(Locale.ROOT);
    String eName = (ea < 0 ? entry : entry.substring(0, ea)).toLowerCase(Locale.ROOT);
    String pRef = pa < 0 ? null : policyPattern.substring(pa + 1);
    String eRef = ea < 0 ? null : entry.substring(ea + 1);
    if (!glob(pName).matcher(eName).matches()) {
      return false;
    }
    if (pRef == null || pRef.equals("*")) {
      return true;
    }
    // An entry with no ref (or @*) allows every ref, which a ref-specific policy entry does not.
    return eRef != null && !eRef.equals("*") && glob(pRef).matcher(eRef).matches();
  }

  /** Actions GitHub counts as GitHub-owned for {@code github_owned_allowed}. */
  static boolean githubOwned(Uses uses) {
    String owner = uses.owner() == null ? "" : uses.owner().toLowerCase(Locale.ROOT);
    return owner.equals("actions") || owner.equals("github");
  }

  /** Actions of the organization itself, which {@code selected} and {@code local_only} always allow. */
  static boolean ownedBy(Uses uses, String org) {
    return uses.owner() != null && uses.owner().equalsIgnoreCase(org);
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    String[] parts = glob.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
