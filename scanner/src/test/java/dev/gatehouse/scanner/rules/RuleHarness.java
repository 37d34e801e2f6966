package dev.gatehouse.scanner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.parse.WorkflowParser;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.policy.PolicyLoader;
import dev.gatehouse.scanner.rule.AuditEngine;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.scanner.rule.RepoContext;
import dev.gatehouse.scanner.rule.RepoSettings;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one rule over its fixtures in {@code src/test/resources/rules/<id>/} and checks the
 * {@code # expect: <id>} markers both ways: every marker needs a finding on the next
 * non-marker line, and every finding needs a marker.
 *
 * <p>A fixture may start with {@code # fixture: key=value ...} lines to describe its context:
 * {@code visibility=public|private}, {@code runner-labels=a,b}, {@code reviewed-environments=a,!b|none} (a
 * requires reviewers, b exists without them; none: no environment exists),
 * {@code policy=file.yml} (next to the fixture), {@code repo=owner/name}, and the settings the
 * workflow runs under: {@code default-token=read|write|unavailable},
 * {@code fork-pr-approval=<approval_policy>|unavailable}, {@code runners=<spec>,...|none|unavailable}
 * (see {@link #runners(String)}). Fixtures named
 * {@code *.action.yml} are audited as action metadata ({@code action.yml}).
 */
public final class RuleHarness {

  /** Fixed day for exception expiry checks in fixtures. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  /** The two groups fixture runners sit in: the default group, and one that allows public repositories. */
  private static final List<RunnerGroup> RUNNER_GROUPS = List.of(
      new RunnerGroup(1, "Default", "all", true, false, false, false, List.of(), Readable.notApplicable("visibility all")),
      new RunnerGroup(2, "public-pool", "all", false, false, true, false, List.of(), Readable.notApplicable("visibility all")));

  private RuleHarness() {}

  public static Path fixtures(String ruleId) {
    return Path.of("src/test/resources/rules", ruleId);
  }

  /** Checks every fixture of the rule; returns the findings by fixture file name. */
  public static Map<String, List<Finding>> verify(WorkflowRule rule) {
    String id = rule.info().id();
    Path dir = fixtures(id);
    assertThat(dir).as("fixture directory for " + id).isDirectory();
    Map<String, List<Finding>> all = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches("(positive|negative|issue-\\d+-repro).*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(files).as("fixtures of " + id).isNotEmpty();
    boolean sawPositive = false;
    boolean sawNegative = false;
    for (Path file : files) {
      String name = file.getFileName().toString();
      List<Finding> findings = run(rule, file);
      all.put(name, findings);
      if (!id.equals("workflow-parse-error")) {
        assertThat(new WorkflowParser().parse(new SourceFile(name.endsWith(".action.yml") ? "action.yml" : name, read(file))))
            .as("%s must parse (markers inside block scalars must be indented like the block)", name)
            .isInstanceOf(dev.gatehouse.scanner.parse.ParseResult.Parsed.class);
      }
      Map<Integer, Integer> expected = markers(file, id);
      Map<Integer, Integer> actual = new TreeMap<>();
      findings.stream().filter(f -> f.ruleId().equals(id)).forEach(f -> actual.merge(f.location().line(), 1, Integer::sum));
      assertThat(actual)
          .as("%s: findings by line (actual) against # expect markers; findings were:%n%s", name,
              findings.stream().map(f -> "  line " + f.location().line() + " [" + f.severity().id() + "] " + f.message())
                  .collect(Collectors.joining("\n")))
          .isEqualTo(expected);
      if (name.startsWith("positive")) {
        assertThat(expected).as(name + " must carry at least one # expect marker").isNotEmpty();
        sawPositive = true;
      }
      if (name.startsWith("negative")) {
        assertThat(expected).as(name + " must not carry # expect markers").isEmpty();
        sawNegative = true;
      }
    }
    assertThat(sawPositive).as(id + " has a positive fixture").isTrue();
    assertThat(sawNegative).as(id + " has a negative fixture").isTrue();
    return all;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Findings of the rule on one fixture, for assertions on severity and message. */
  public static List<Finding> run(WorkflowRule rule, Path file) {
    return run(rule, file, "");
  }

  /**
   * Findings of the rule on one fixture with {@code header} ({@code key=value ...}, as in a
   * {@code # fixture:} line) overriding the fixture's own options: one workflow under other settings.
   */
  public static List<Finding> run(WorkflowRule rule, String fixture, String header) {
    return run(rule, fixtures(rule.info().id()).resolve(fixture), header);
  }

  private static List<Finding> run(WorkflowRule rule, Path file, String header) {
    try {
      byte[] content = Files.readAllBytes(file);
      Map<String, String> options = options(file);
      options.putAll(pairs(header));
      Policy policy = options.containsKey("policy")
          ? PolicyLoader.load(file.resolveSibling(options.get("policy")))
          : Policy.strict();
      String name = file.getFileName().toString();
      String path = name.endsWith(".action.yml")
          ? ".github/actions/" + name.substring(0, name.length() - ".action.yml".length()) + "/action.yml"
          : ".github/workflows/" + name;
      AuditEngine engine = new AuditEngine(List.of(rule), policy, new WorkflowParser(), CLOCK);
      return engine.auditFile(context(options), new SourceFile(path, content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Finding> run(WorkflowRule rule, String fixture) {
    return run(rule, fixtures(rule.info().id()).resolve(fixture));
  }

  static RepoContext context(Map<String, String> options) {
    Optional<Set<String>> labels = Optional.ofNullable(options.get("runner-labels"))
        .map(v -> Set.copyOf(Arrays.asList(v.split(","))));
    // "!name": the environment exists without required reviewers; "none": environments known, none exists
    Optional<Map<String, Boolean>> environments = Optional.ofNullable(options.get("reviewed-environments"))
        .map(v -> v.equals("none") ? Map.<String, Boolean>of() : Arrays.stream(v.split(","))
            .collect(Collectors.toMap(e -> e.startsWith("!") ? e.substring(1) : e, e -> !e.startsWith("!"))));
    RepoContext context = new RepoContext(options.getOrDefault("repo", "acme/fixture"),
        Optional.ofNullable(options.get("visibility")), labels, environments);
    return context.withSettings(settings(options));
  }

  /**
   * Settings a fixture runs under: {@code default-token=read|write|unavailable},
   * {@code fork-pr-approval=<approval_policy>|unavailable} and {@code runners=...}; anything not
   * given is unavailable.
   */
  static RepoSettings settings(Map<String, String> options) {
    RepoSettings unknown = RepoSettings.unknown("not in fixture");
    String token = options.get("default-token");
    Readable<WorkflowTokenDefaults> tokenDefaults = token == null || token.equals("unavailable")
        ? Readable.unavailable(403, "403 Resource not accessible by integration")
        : Readable.of(new WorkflowTokenDefaults(token, false));
    String approval = options.get("fork-pr-approval");
    Readable<String> forkApproval = approval == null || approval.equals("unavailable")
        ? Readable.unavailable(403, "403 Resource not accessible by integration") : Readable.of(approval);
    String runners = options.get("runners");
    if (runners == null || runners.equals("unavailable")) {
      return new RepoSettings(tokenDefaults, forkApproval, unknown.runnerGroups(), unknown.runners());
    }
    return new RepoSettings(tokenDefaults, forkApproval, Readable.of(RUNNER_GROUPS), Readable.of(runners(runners)));
  }

  /**
   * Runners from {@code runners=}: comma-separated {@code [name@]label+label[:ephemeral][:public]}.
   * A runner is non-ephemeral unless {@code :ephemeral} is given, and sits in group 'Default'
   * (id 1) unless {@code :public} puts it in 'public-pool' (id 2, allows public repositories);
   * unnamed runners are called runner-1, runner-2, ... {@code none} means no runner is registered.
   * Example: {@code runners=gpu-1@self-hosted+gpu:public,self-hosted+linux:ephemeral}.
   */
  static List<Runner> runners(String spec) {
    if (spec.equals("none")) {
      return List.of();
    }
    List<Runner> runners = new ArrayList<>();
    String[] entries = spec.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i];
      int at = entry.indexOf('@');
      String name = at < 0 ? "runner-" + (i + 1) : entry.substring(0, at);
      List<String> parts = Arrays.asList(entry.substring(at + 1).split(":"));
      runners.add(new Runner(100 + i, name, "linux", "online", false, parts.contains("ephemeral"), "2.330.0",
          Arrays.asList(parts.get(0).split("\\+")), parts.contains("public") ? 2L : 1L));
    }
    return runners;
  }

  public static Map<String, String> options(Path file) throws IOException {
    Map<String, String> options = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String s = line.strip();
      if (!s.startsWith("# fixture:")) {
        continue;
      }
      options.putAll(pairs(s.substring("# fixture:".length())));
    }
    return options;
  }

  private static Map<String, String> pairs(String text) {
    Map<String, String> options = new HashMap<>();
    for (String pair : text.trim().split("\\s+")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        options.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return options;
  }

  /** Line number (1-based) to the number of findings the markers above it expect. */
  public static Map<Integer, Integer> markers(Path file, String id) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Integer, Integer> expected = new TreeMap<>();
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).strip();
      if (s.startsWith("# expect:")) {
        pending.add(s.substring("# expect:".length()).strip());
        continue;
      }
      for (String marker : pending) {
        assertThat(marker).as(file.getFileName() + ":" + i + " marker names another rule").isEqualTo(id);
        expected.merge(i + 1, 1, Integer::sum);
      }
      pending.clear();
    }
    assertThat(pending).as(file.getFileName() + ": marker at end of file points at nothing").isEmpty();
    return expected;
  }
}
