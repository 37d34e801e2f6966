package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.PinKind;
import dev.gatehouse.scanner.model.Uses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Actions known to have been compromised or to carry an advisory, read from a list in the shape
 * of GitHub's {@code GET /advisories?ecosystem=actions} response plus a {@code gatehouse:}
 * extension for what the API does not say about a compromise (repointed refs, malicious commits,
 * the exposure window). Used by the known-compromised-action rule; the format is documented in
 * docs/rules/known-compromised-action.md.
 */
public final class CompromisedActionList {

  /** One affected action of one advisory. {@code refs} may hold "*" for any tag or branch. */
  public record Entry(
      String id, String cve, String summary, String url, Severity severity, boolean compromise, String action,
      String range, String patched, List<String> refs, Set<String> commits, String window, String via) {}

  /** An entry that covers a {@code uses:} reference, and why. */
  public record Hit(Entry entry, String reason) {}

  static final String RESOURCE = "/dev/gatehouse/scanner/rules/workflow/compromised-actions.yml";
  private static final Pattern VERSION = Pattern.compile("^[vV]?(\\d+(?:\\.\\d+)*)(.*)$");
  private static final Pattern CONSTRAINT = Pattern.compile("^(<=|>=|<|>|=)?\\s*[vV]?(\\d+(?:\\.\\d+)*)\\S*$");
  private static final Pattern HEX = Pattern.compile("^[0-9a-f]{7,40}$");

  private final List<Entry> entries;

  private CompromisedActionList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  private static final class Bundled {
    static final CompromisedActionList LIST = load();

    private static CompromisedActionList load() {
      try (InputStream in = CompromisedActionList.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The list shipped with the scanner. */
  public static CompromisedActionList bundled() {
    return Bundled.LIST;
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * Reads a list of advisories (YAML, or the JSON the advisories API returns). Withdrawn
   * advisories and other ecosystems are skipped; unknown keys are ignored, so API entries can be
   * pasted in as they are. A malformed list is an {@link IllegalArgumentException} naming the entry.
   */
  public static CompromisedActionList parse(String text) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException("compromised-actions list: not YAML or JSON: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
    List<Entry> entries = new ArrayList<>();
    List<?> advisories = root == null ? List.of() : root instanceof List<?> l ? l : null;
    if (advisories == null) {
      throw new IllegalArgumentException("compromised-actions list: expected a list of advisories");
    }
    for (int i = 0; i < advisories.size(); i++) {
      Map<?, ?> advisory = map(advisories.get(i), "advisory " + i);
      if (advisory.get("withdrawn_at") != null) {
        continue;
      }
      Map<?, ?> ext = map(advisory.get("gatehouse"), "advisory " + i + " gatehouse");
      String id = string(advisory.get("ghsa_id")) != null ? string(advisory.get("ghsa_id")) : string(advisory.get("id"));
      if (id == null) {
        throw new IllegalArgumentException("compromised-actions list: advisory " + i + " has neither ghsa_id nor id");
      }
      boolean compromise = Boolean.TRUE.equals(ext.get("compromise"));
      Severity severity = compromise ? Severity.CRITICAL : severity(string(advisory.get("severity")));
      for (Object v : advisory.get("vulnerabilities") instanceof List<?> vs ? vs : List.of()) {
        Map<?, ?> vuln = map(v, id + " vulnerability");
        Map<?, ?> pkg = map(vuln.get("package"), id + " package");
        String name = string(pkg.get("name"));
        if (name == null || !"actions".equalsIgnoreCase(string(pkg.get("ecosystem")))) {
          continue;
        }
        Map<?, ?> vext = map(vuln.get("gatehouse"), id + " " + name + " gatehouse");
        Object patched = vuln.get("first_patched_version");
        patched = patched instanceof Map<?, ?> p ? p.get("identifier") : patched;
        List<String> refs = strings(vext.containsKey("refs") ? vext.get("refs") : ext.get("refs"));
        Set<String> commits = strings(vext.containsKey("commits") ? vext.get("commits") : ext.get("commits")).stream()
            .map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        entries.add(new Entry(id, string(advisory.get("cve_id")), string(advisory.get("summary")),
            string(advisory.get("html_url")), severity, compromise, name.toLowerCase(Locale.ROOT),
            string(vuln.get("vulnerable_version_range")), string(patched), refs, commits,
            string(vext.containsKey("window") ? vext.get("window") : ext.get("window")), string(vext.get("via"))));
      }
    }
    return new CompromisedActionList(entries);
  }

  /** Entries covering {@code uses}: its ref was repointed, lies in the affected range, or is a malicious commit. */
  public List<Hit> lookup(Uses uses) {
    List<Hit> hits = new ArrayList<>();
    if (!uses.remote() || uses.ref() == null || uses.ref().isBlank()) {
      return hits;
    }
    String ref = uses.ref().trim();
    String lower = ref.toLowerCase(Locale.ROOT);
    for (Entry e : entries) {
      if (!e.action().equals(uses.target()) && !e.action().equals(uses.slug())) {
        continue;
      }
      if (uses.pin() == PinKind.FULL_SHA || HEX.matcher(lower).matches()) {
        // a commit SHA names fixed code: only the malicious commits themselves are covered
        e.commits().stream().filter(c -> c.startsWith(lower)).findFirst()
            .ifPresent(c -> hits.add(new Hit(e, "commit " + ref + " is the malicious commit")));
      } else if (e.refs().stream().anyMatch(r -> r.equalsIgnoreCase(ref))) {
        hits.add(new Hit(e, "ref " + ref + " was repointed to malicious code"));
      } else if (e.refs().contains("*")) {
        hits.add(new Hit(e, "every tag and branch of it ran " + (e.via() == null ? "the malicious code" : e.via())));
      } else if (e.range() != null && inRange(ref, e.range(), e.patched())) {
        hits.add(new Hit(e, "version " + ref + " is in the affected range " + e.range()));
      }
    }
    return hits;
  }

  /**
   * Whether a version tag falls in an advisory range such as {@code <= 45.0.7} or
   * {@code >= 1.0, < 2.1}. A tag with fewer than three numbers (v45) floats to the newest release
   * with that prefix: it is covered when some such release is in range, unless the first patched
   * release carries the same prefix (the tag has since moved to it).
   */
  static boolean inRange(String ref, String range, String patched) {
    Matcher m = VERSION.matcher(ref.trim());
    if (!m.matches()) {
      return false;
    }
    int[] version = numbers(m.group(1));
    boolean floating = version.length < 3 && m.group(2).isEmpty();
    if (floating && patched != null) {
      Matcher p = VERSION.matcher(patched.trim());
      if (p.matches() && startsWith(numbers(p.group(1)), version)) {
        return false;
      }
    }
    int[] low = pad(version, 0);
    int[] high = floating ? pad(version, Integer.MAX_VALUE) : low;
    for (String part : range.split(",")) {
      Matcher c = CONSTRAINT.matcher(part.trim());
      if (!c.matches()) {
        return false; // a range we cannot read is not evidence
      }
      String op = c.group(1) == null ? "=" : c.group(1);
      int[] bound = pad(numbers(c.group(2)), 0);
      boolean ok = switch (op) {
        case "<" -> compare(low, bound) < 0;
        case "<=" -> compare(low, bound) <= 0;
        case ">" -> compare(high, bound) > 0;
        case ">=" -> compare(high, bound) >= 0;
        default -> floating ? startsWith(numbers(c.group(2)), version) : compare(low, bound) == 0;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int[] numbers(String dotted) {
    return Arrays.stream(dotted.split("\\.")).mapToInt(s -> (int) Math.min(Integer.MAX_VALUE - 1L, Long.parseLong(s))).toArray();
  }

  private static int[] pad(int[] v, int fill) {
    int[] out = Arrays.copyOf(v, Math.max(3, v.length));
    Arrays.fill(out, v.length, out.length, fill);
    return out;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? a[i] : 0;
      int y = i < b.length ? b[i] : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static boolean startsWith(int[] version, int[] prefix) {
    return version.length >= prefix.length && Arrays.equals(Arrays.copyOf(version, prefix.length), prefix);
  }

  private static Severity severity(String advisory) {
    return switch (advisory == null ? "" : advisory.toLowerCase(Locale.ROOT)) {
      case "critical" -> Severity.CRITICAL;
      case "high" -> Severity.HIGH;
      case "low" -> Severity.LOW;
      default -> Severity.MEDIUM;
    };
  }

  private static Map<?, ?> map(Object value, String where) {
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("compromised-actions list: " + where + " must be a mapping");
    }
    return m;
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
