package dev.gatehouse.scanner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.rule.AuditEngine;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.RepoContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed files (committed under src/test/resources/hostile/) come back as a
 * workflow-parse-error finding with a clear message, or parse, but never throw.
 */
class HostileInputTest {

  private static final Path DIR = Path.of("src/test/resources/hostile");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("alias-bomb.yml", null), // defused: flattening stops at 64 KiB
        Arguments.of("alias-count.yml", "Number of aliases"),
        Arguments.of("deep-flow.yml", "nest deeper than 64"),
        Arguments.of("duplicate-keys.yml", "duplicate key 'on'"),
        Arguments.of("binary.bin", "not valid UTF-8"),
        Arguments.of("invalid-utf8.yml", "not valid UTF-8"),
        Arguments.of("utf16.yml", "not valid UTF-8"),
        Arguments.of("nul-byte.yml", "NUL bytes"),
        Arguments.of("multi-document.yml", "more than one YAML document"),
        Arguments.of("empty.yml", "file is empty"),
        Arguments.of("whitespace-only.yml", "file is empty"),
        Arguments.of("comment-only.yml", "no YAML document"),
        Arguments.of("top-level-list.yml", "top level must be a mapping"),
        Arguments.of("top-level-scalar.yml", "top level must be a mapping"),
        Arguments.of("jobs-is-a-list.yml", "'jobs' must be a mapping"),
        Arguments.of("job-is-a-string.yml", "jobs.a must be a mapping"),
        Arguments.of("step-is-a-string.yml", "jobs.a.steps[0] must be a mapping"),
        Arguments.of("recursive-alias.yml", null),
        Arguments.of("complex-key.yml", "Non scalar key"),
        Arguments.of("unclosed-quote.yml", "invalid YAML"),
        Arguments.of("tab-indentation.yml", "invalid YAML"),
        Arguments.of("alias-fanout.yml", "an alias bomb?"),
        Arguments.of("deep-block.yml", null),
        Arguments.of("long-line.yml", null),
        Arguments.of("bom-crlf.yml", null),
        Arguments.of("unknown-tag.yml", null),
        Arguments.of("expression-garbage.yml", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileFileYieldsAClearErrorOrParses(String file, String expectedMessage) throws IOException {
    byte[] content = Files.readAllBytes(DIR.resolve(file));
    List<Finding> findings = AuditEngine.withAllRules(Policy.strict())
        .auditFile(RepoContext.unknown("acme/hostile"), new SourceFile(".github/workflows/" + file, content));
    List<Finding> parseErrors = findings.stream().filter(f -> f.ruleId().equals("workflow-parse-error")).toList();
    if (expectedMessage == null) {
      assertThat(parseErrors).as(file + " parses").isEmpty();
    } else {
      assertThat(parseErrors).as(file).singleElement()
          .satisfies(f -> assertThat(f.message()).startsWith("could not audit this file: ").contains(expectedMessage));
    }
    assertThat(findings).noneMatch(f -> f.message().startsWith("not evaluated: rule"));
  }

  @Test
  void everyCommittedHostileFileIsCovered() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(cases().map(a -> (String) a.get()[0]).toList()).containsExactlyInAnyOrderElementsOf(names);
    }
  }

  @Test
  void fileOverTheSizeCapIsRejectedBeforeParsing() {
    byte[] huge = ("on: push\njobs: {}\n# " + "x".repeat(WorkflowParser.DEFAULT_MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
    ParseResult result = new WorkflowParser().parse(new SourceFile(".github/workflows/huge.yml", huge));
    assertThat(result).isInstanceOfSatisfying(ParseResult.Failed.class,
        f -> assertThat(f.message()).contains("over the 1048576-byte limit"));
  }

  @Test
  void positionOfTheProblemIsReported() throws IOException {
    ParseResult result = new WorkflowParser().parse(new SourceFile("x.yml", Files.readAllBytes(DIR.resolve("duplicate-keys.yml"))));
    assertThat(result).isInstanceOfSatisfying(ParseResult.Failed.class, f -> assertThat(f.pos().line()).isEqualTo(2));
  }
}
