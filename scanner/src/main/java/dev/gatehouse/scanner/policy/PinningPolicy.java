package dev.gatehouse.scanner.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pinning levels by action pattern ({@code owner/repo[/path]}, {@code owner/*}, {@code *}).
 * The most specific matching pattern wins: an exact name beats any wildcard, and among
 * wildcards the longer literal part wins.
 */
public final class PinningPolicy {

  private record Entry(String pattern, Pattern regex, int specificity, PinLevel level) {}

  private final List<Entry> entries;
  private final Map<String, PinLevel> declared;

  public PinningPolicy(Map<String, PinLevel> levels) {
    this.declared = new LinkedHashMap<>(levels);
    List<Entry> list = new ArrayList<>();
    for (Map.Entry<String, PinLevel> e : levels.entrySet()) {
      String pattern = e.getKey().trim().toLowerCase(Locale.ROOT);
      list.add(new Entry(pattern, glob(pattern), specificity(pattern), e.getValue()));
    }
    list.sort(Comparator.comparingInt(Entry::specificity).reversed());
    this.entries = List.copyOf(list);
  }

  public Map<String, PinLevel> declared() {
    return Map.copyOf(declared);
  }

  /** The level for {@code target} ({@code owner/repo[/path]}), and the pattern that decided it. */
  public Match levelFor(String target) {
    String t = target.toLowerCase(Locale.ROOT);
    for (Entry e : entries) {
      if (e.regex.matcher(t).matches()) {
        return new Match(e.level, e.pattern);
      }
    }
    return new Match(PinLevel.HASH_PIN, "(default)");
  }

  public record Match(PinLevel level, String pattern) {}

  private static int specificity(String pattern) {
    int star = pattern.indexOf('*');
    return star < 0 ? 10_000 + pattern.length() : star;
  }

  /** {@code *} matches within and across path segments; {@code owner/*} also matches {@code owner/repo/path}. */
  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }
}
