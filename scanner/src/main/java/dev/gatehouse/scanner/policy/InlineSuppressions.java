package dev.gatehouse.scanner.policy;

import dev.gatehouse.scanner.rule.Suppression;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppression comments written in the audited repository: {@code # gatehouse: ignore[rule-id]
 * reason} and zizmor's {@code # zizmor: ignore[rule]}, on the finding's line or on comment-only
 * lines directly above it. They are inputs declared by the repository, shown as such.
 */
public final class InlineSuppressions {

  private static final Pattern COMMENT = Pattern.compile("#\\s*(gatehouse|zizmor)\\s*:\\s*ignore\\[([^\\]]*)\\]\\s*(.*)$");

  private InlineSuppressions() {}

  /**
   * The suppression covering {@code ruleId} (or one of its {@code aliases} for zizmor
   * comments) at 1-based {@code line}, if any.
   */
  public static Optional<Suppression> at(List<String> lines, int line, String ruleId, List<String> aliases) {
    Optional<Suppression> same = match(lines, line, ruleId, aliases);
    if (same.isPresent()) {
      return same;
    }
    for (int l = line - 1; l >= 1 && l <= lines.size() && lines.get(l - 1).strip().startsWith("#"); l--) {
      Optional<Suppression> above = match(lines, l, ruleId, aliases);
      if (above.isPresent()) {
        return above;
      }
    }
    return Optional.empty();
  }

  private static Optional<Suppression> match(List<String> lines, int line, String ruleId, List<String> aliases) {
    if (line < 1 || line > lines.size()) {
      return Optional.empty();
    }
    String text = lines.get(line - 1);
    if (!text.contains("ignore[")) {
      return Optional.empty();
    }
    Matcher m = COMMENT.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    boolean zizmor = m.group(1).equalsIgnoreCase("zizmor");
    for (String id : m.group(2).split(",")) {
      String name = id.strip().toLowerCase(Locale.ROOT);
      if (name.equals(ruleId) || (zizmor && aliases.contains(name))) {
        String reason = m.group(3).strip();
        return Optional.of(new Suppression(zizmor ? Suppression.Kind.INLINE_ZIZMOR : Suppression.Kind.INLINE,
            reason.isEmpty() ? "(no reason given)" : reason, "repository", null));
      }
    }
    return Optional.empty();
  }
}
