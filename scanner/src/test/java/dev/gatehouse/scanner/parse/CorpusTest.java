package dev.gatehouse.scanner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.rule.AuditEngine;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.RepoContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file of the real-world corpus (823 workflows and actions from 40 projects) goes through every rule. */
class CorpusTest {

  static final Path CORPUS = Path.of("src/test/corpus/real-world");

  static List<Path> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted().toList();
    }
  }

  /** Repository-relative path of a corpus file: {@code owner__repo/.github/workflows/x.yml} to {@code .github/workflows/x.yml}. */
  static String repoPath(Path file) {
    Path rel = CORPUS.relativize(file);
    return rel.subpath(1, rel.getNameCount()).toString();
  }

  @Test
  void everyCorpusFileParsesAndEveryRuleRunsWithoutError() throws IOException {
    List<Path> files = corpusFiles();
    assertThat(files).hasSize(823);
    AuditEngine engine = AuditEngine.withAllRules(Policy.strict());
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      String repo = CORPUS.relativize(file).getName(0).toString().replace("__", "/");
      List<Finding> findings = engine.auditFile(RepoContext.unknown(repo), new SourceFile(repoPath(file), Files.readAllBytes(file)));
      for (Finding f : findings) {
        if (f.ruleId().equals("workflow-parse-error") || f.message().startsWith("not evaluated: rule")) {
          problems.add(file + ": " + f.message());
        }
      }
    }
    assertThat(problems).as("every corpus file is valid YAML and a valid workflow or action").isEmpty();
  }
}
