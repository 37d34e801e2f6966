package dev.gatehouse.scanner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.SettingsAudit;
import dev.gatehouse.scanner.rule.SettingsRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link RuleHarness} for settings and runner rules: fixtures in
 * {@code src/test/resources/rules/<id>/} are YAML renderings of GitHub's API objects (see
 * {@link SettingsFixture}); each finding maps to the line of the object or field it names, and
 * the {@code # expect: <id>} markers are checked both ways.
 */
public final class SettingsHarness {

  private SettingsHarness() {}

  public static Map<String, List<Finding>> verify(SettingsRule rule) {
    String id = rule.info().id();
    Path dir = RuleHarness.fixtures(id);
    assertThat(dir).as("fixture directory for " + id).isDirectory();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches("(positive|negative|issue-\\d+-repro).*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(files).as("fixtures of " + id).isNotEmpty();
    assertThat(files).as(id + " has positive and negative fixtures")
        .anyMatch(p -> p.getFileName().toString().startsWith("positive"))
        .anyMatch(p -> p.getFileName().toString().startsWith("negative"));
    Map<String, List<Finding>> all = new TreeMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      SettingsFixture.Loaded loaded = load(file);
      List<Finding> findings = run(rule, loaded);
      all.put(name, findings);
      Map<Integer, Integer> actual = new TreeMap<>();
      for (Finding f : findings) {
        int line = loaded.line(f.location().file(), f.location().path());
        assertThat(line).as("%s: finding on %s#%s maps to no fixture line: %s", name, f.location().file(), f.location().path(), f.message())
            .isPositive();
        actual.merge(line, 1, Integer::sum);
      }
      Map<Integer, Integer> expected = RuleHarness.markers(file, id);
      assertThat(actual).as("%s: findings by line against # expect markers; findings were:%n%s", name,
          findings.stream().map(f -> "  line " + loaded.line(f.location().file(), f.location().path()) + " ["
              + f.severity().id() + "] " + f.message()).collect(Collectors.joining("\n"))).isEqualTo(expected);
      if (name.startsWith("positive")) {
        assertThat(expected).as(name + " must carry at least one # expect marker").isNotEmpty();
      }
      if (name.startsWith("negative")) {
        assertThat(expected).as(name + " must not carry # expect markers").isEmpty();
      }
    }
    return all;
  }

  public static SettingsFixture.Loaded load(Path file) {
    try {
      return SettingsFixture.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Finding> run(SettingsRule rule, SettingsFixture.Loaded loaded) {
    return new SettingsAudit(List.of(rule), loaded.policy()).audit(loaded.scan());
  }

  public static List<Finding> run(SettingsRule rule, String fixture) {
    return run(rule, load(RuleHarness.fixtures(rule.info().id()).resolve(fixture)));
  }
}
