package dev.gatehouse.scanner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.scanner.rule.RulesIndex;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule has its four parts, ids are unique and kebab-case, and the docs index is current. */
class RuleCatalogueTest {

  private static final Path DOCS = Path.of("../docs/rules");
  private static final Path RULE_SOURCES = Path.of("src/main/java/dev/gatehouse/scanner/rules");
  private static final Path RULE_TESTS = Path.of("src/test/java/dev/gatehouse/scanner/rules");

  @Test
  void registryIsSortedUniqueAndComplete() throws IOException {
    List<String> ids = RuleRegistry.workflowRules().stream().map(r -> r.info().id()).toList();
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    List<String> settingsIds = RuleRegistry.settingsRules().stream().map(r -> r.info().id()).toList();
    assertThat(settingsIds).isSorted().doesNotHaveDuplicates().doesNotContainAnyElementsOf(ids);
    Set<String> registered = new HashSet<>();
    RuleRegistry.workflowRules().forEach(r -> registered.add(r.getClass().getSimpleName()));
    RuleRegistry.settingsRules().forEach(r -> registered.add(r.getClass().getSimpleName()));
    try (Stream<Path> sources = Files.walk(RULE_SOURCES)) {
      List<String> annotated = sources.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> read(p).contains("@RuleInfo("))
          .map(p -> p.getFileName().toString().replace(".java", "")).toList();
      assertThat(registered).as("every @RuleInfo class is registered").containsAll(annotated);
    }
  }

  @Test
  void everyRuleHasItsFourParts() {
    List<Object> rules = new java.util.ArrayList<>(RuleRegistry.workflowRules());
    rules.addAll(RuleRegistry.settingsRules());
    for (Object rule : rules) {
      RuleInfo info = rule.getClass().getAnnotation(RuleInfo.class);
      Class<?> type = rule.getClass();
      String target = info.target().name().toLowerCase();
      assertThat(Modifier.isFinal(type.getModifiers())).as(type.getSimpleName() + " is final").isTrue();
      assertThat(info.id()).as("kebab-case id").matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
      assertThat(toPascal(info.id())).as("class name matches id").isEqualTo(type.getSimpleName());
      assertThat(info.summary()).as(info.id() + " summary")
          .hasSizeLessThan(80).doesNotEndWith(".").isEqualTo(info.summary().toLowerCase());
      assertThat(Files.exists(RULE_SOURCES.resolve(target).resolve(type.getSimpleName() + ".java")))
          .as(type.getSimpleName() + " lives in rules/" + target).isTrue();
      assertThat(RULE_TESTS.resolve(target).resolve(type.getSimpleName() + "Test.java")).as("test of " + info.id()).exists();
      assertThat(RuleHarness.fixtures(info.id())).as("fixtures of " + info.id()).isDirectory();
      Path doc = DOCS.resolve(info.id() + ".md");
      assertThat(doc).as("docs page of " + info.id()).exists();
      assertThat(read(doc)).as("sections of " + doc)
          .contains("# " + info.id(), "## What it detects", "## Why it matters", "## Remediation",
              "## False positives and suppression", "## References");
    }
  }

  @Test
  void docsIndexIsCurrent() throws IOException {
    Path index = DOCS.resolve("README.md");
    String expected = RulesIndex.render();
    if (Boolean.getBoolean("gatehouse.docs.update")) {
      Files.writeString(index, expected);
    }
    assertThat(index).as("docs/rules/README.md exists; regenerate with -Dgatehouse.docs.update=true").exists();
    assertThat(read(index)).as("docs/rules/README.md is current; regenerate with -Dgatehouse.docs.update=true").isEqualTo(expected);
  }

  static String toPascal(String id) {
    StringBuilder s = new StringBuilder();
    for (String part : id.split("-")) {
      s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return s.toString();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
