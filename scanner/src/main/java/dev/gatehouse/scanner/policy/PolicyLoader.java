package dev.gatehouse.scanner.policy;

import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.scanner.rule.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the policy file (docs/policy.md). Unknown keys and unknown rule ids are errors, so a
 * typo never silently weakens the policy.
 */
public final class PolicyLoader {

  private static final Set<String> TOP_KEYS = Set.of("version", "pinning", "self-hosted-labels", "severity", "exceptions",
      "actions", "token", "fork-pr", "runners", "alerts");
  private static final Set<String> EXCEPTION_KEYS = Set.of("rule", "repo", "path", "job", "reason", "owner", "expires");

  private PolicyLoader() {}

  public static Policy load(Path file) throws IOException {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (InvalidPolicyException e) {
      throw new InvalidPolicyException(file + ": " + e.getMessage());
    }
  }

  public static Policy parse(String yaml) {
    Object root;
    try {
      LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
          .setCodePointLimit(1024 * 1024).build();
      root = new Load(settings).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new InvalidPolicyException("invalid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null) {
      return Policy.strict();
    }
    Map<String, Object> top = map(root, "policy");
    for (String key : top.keySet()) {
      if (!TOP_KEYS.contains(key)) {
        throw new InvalidPolicyException("unknown key '" + key + "' (expected one of " + TOP_KEYS + ")");
      }
    }
    Object version = top.getOrDefault("version", 1);
    if (!Integer.valueOf(1).equals(version)) {
      throw new InvalidPolicyException("unsupported version " + version + " (expected 1)");
    }
    Map<String, PinLevel> pinning = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(top.getOrDefault("pinning", Map.of("*", "hash-pin")), "pinning").entrySet()) {
      try {
        pinning.put(e.getKey(), PinLevel.parse(String.valueOf(e.getValue())));
      } catch (IllegalArgumentException ex) {
        throw new InvalidPolicyException("pinning." + e.getKey() + ": " + ex.getMessage());
      }
    }
    pinning.putIfAbsent("*", PinLevel.HASH_PIN);
    Set<String> labels = new LinkedHashSet<>();
    for (Object label : list(top.getOrDefault("self-hosted-labels", List.of()), "self-hosted-labels")) {
      labels.add(String.valueOf(label));
    }
    Map<String, Severity> overrides = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(top.getOrDefault("severity", Map.of()), "severity").entrySet()) {
      knownRule(e.getKey(), "severity");
      try {
        overrides.put(e.getKey(), Severity.parse(String.valueOf(e.getValue())));
      } catch (IllegalArgumentException ex) {
        throw new InvalidPolicyException("severity." + e.getKey() + ": " + ex.getMessage());
      }
    }
    List<RuleException> exceptions = new ArrayList<>();
    List<Object> raw = list(top.getOrDefault("exceptions", List.of()), "exceptions");
    for (int i = 0; i < raw.size(); i++) {
      exceptions.add(exception(map(raw.get(i), "exceptions[" + i + "]"), "exceptions[" + i + "]"));
    }
    return new Policy(new PinningPolicy(pinning), labels, overrides, exceptions, posture(top));
  }

  /** Sections of the desired posture; an absent key means the policy takes no position. */
  private static Posture posture(Map<String, Object> top) {
    Section actions = new Section(top, "actions", Set.of("allowed", "allowlist", "github-owned-allowed", "verified-allowed",
        "sha-pinning-required", "enabled-repositories"));
    Section token = new Section(top, "token", Set.of("default-permissions", "can-approve-pull-requests"));
    Section fork = new Section(top, "fork-pr", Set.of("approval", "private-repositories"));
    Section runners = new Section(top, "runners", Set.of("ephemeral", "public-repositories", "all-repositories",
        "sensitive-labels", "max-offline-days"));
    Section alerts = new Section(top, "alerts", Set.of("threshold"));
    Section priv = new Section(fork.values, "private-repositories", Set.of("run-workflows", "send-write-tokens",
        "send-secrets", "require-approval"), "fork-pr.");
    List<String> allowlist = actions.values.containsKey("allowlist")
        ? list(actions.values.get("allowlist"), "actions.allowlist").stream().map(String::valueOf).toList() : null;
    String threshold = alerts.string("threshold", null);
    Integer maxOffline = runners.values.get("max-offline-days") == null ? null : runners.integer("max-offline-days");
    Set<String> sensitive = runners.values.containsKey("sensitive-labels")
        ? new LinkedHashSet<>(list(runners.values.get("sensitive-labels"), "runners.sensitive-labels").stream().map(String::valueOf).toList())
        : Set.of();
    return new Posture(actions.string("allowed", Set.of("all", "local_only", "selected")), allowlist,
        actions.bool("github-owned-allowed"), actions.bool("verified-allowed"), actions.bool("sha-pinning-required"),
        actions.string("enabled-repositories", Set.of("all", "selected", "none")),
        token.string("default-permissions", Set.of("read", "write")), token.bool("can-approve-pull-requests"),
        fork.string("approval", Set.of("first_time_contributors_new_to_github", "first_time_contributors", "all_external_contributors")),
        new Posture.PrivateForkPr(priv.bool("run-workflows"), priv.bool("send-write-tokens"), priv.bool("send-secrets"),
            priv.bool("require-approval")),
        new Posture.Runners(runners.bool("ephemeral"), runners.bool("public-repositories"), runners.bool("all-repositories"),
            sensitive, maxOffline),
        threshold == null ? null : severityOf(threshold, "alerts.threshold"));
  }

  private static dev.gatehouse.scanner.rule.Severity severityOf(String value, String where) {
    try {
      return dev.gatehouse.scanner.rule.Severity.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidPolicyException(where + ": " + e.getMessage());
    }
  }

  /** One mapping section of the policy, with its allowed keys checked. */
  private static final class Section {
    final Map<String, Object> values;
    final String name;

    Section(Map<String, Object> parent, String name, Set<String> keys) {
      this(parent, name, keys, "");
    }

    Section(Map<String, Object> parent, String name, Set<String> keys, String prefix) {
      this.name = prefix + name;
      this.values = parent.containsKey(name) ? map(parent.get(name), this.name) : Map.of();
      for (String key : values.keySet()) {
        if (!keys.contains(key)) {
          throw new InvalidPolicyException(this.name + ": unknown key '" + key + "' (expected one of " + new java.util.TreeSet<>(keys) + ")");
        }
      }
    }

    Boolean bool(String key) {
      Object v = values.get(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof Boolean b)) {
        throw new InvalidPolicyException(name + "." + key + ": expected true or false, not '" + v + "'");
      }
      return b;
    }

    String string(String key, Set<String> allowed) {
      Object v = values.get(key);
      if (v == null) {
        return null;
      }
      String s = String.valueOf(v);
      if (allowed != null && !allowed.contains(s)) {
        throw new InvalidPolicyException(name + "." + key + ": '" + s + "' is not one of " + new java.util.TreeSet<>(allowed));
      }
      return s;
    }

    Integer integer(String key) {
      Object v = values.get(key);
      if (!(v instanceof Integer i) || i < 0) {
        throw new InvalidPolicyException(name + "." + key + ": expected a whole number of days, not '" + v + "'");
      }
      return i;
    }
  }

  private static RuleException exception(Map<String, Object> m, String where) {
    for (String key : m.keySet()) {
      if (!EXCEPTION_KEYS.contains(key)) {
        throw new InvalidPolicyException(where + ": unknown key '" + key + "' (expected " + EXCEPTION_KEYS + ")");
      }
    }
    String rule = required(m, "rule", where);
    knownRule(rule, where);
    String expires = required(m, "expires", where);
    LocalDate date;
    try {
      date = LocalDate.parse(expires);
    } catch (DateTimeParseException e) {
      throw new InvalidPolicyException(where + ".expires: '" + expires + "' is not a date (YYYY-MM-DD)");
    }
    return new RuleException(rule, optional(m, "repo"), optional(m, "path"), optional(m, "job"),
        required(m, "reason", where), required(m, "owner", where), date);
  }

  private static void knownRule(String id, String where) {
    if (RuleRegistry.info(id) == null) {
      throw new InvalidPolicyException(where + ": unknown rule '" + id + "'");
    }
  }

  private static String required(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      throw new InvalidPolicyException(where + ": '" + key + "' is required");
    }
    return String.valueOf(v);
  }

  private static String optional(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new InvalidPolicyException(where + " must be a mapping");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    m.forEach((k, v) -> result.put(String.valueOf(k), v));
    return result;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, String where) {
    if (!(value instanceof List<?> l)) {
      throw new InvalidPolicyException(where + " must be a list");
    }
    return (List<Object>) l;
  }
}
