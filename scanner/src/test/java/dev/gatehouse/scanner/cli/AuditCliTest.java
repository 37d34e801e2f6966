package dev.gatehouse.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCliTest {

  private static final String VULNERABLE = """
      on: issues
      permissions: {}
      jobs:
        triage:
          runs-on: ubuntu-latest
          steps:
            - run: echo "${{ github.event.issue.title }}"
            # gatehouse: ignore[template-injection] only a number ends up here
            - run: echo "${{ github.event.issue.body }}"
      """;

  @TempDir
  Path repo;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void checkout() throws Exception {
    Files.createDirectories(repo.resolve(".github/workflows"));
    Files.writeString(repo.resolve(".github/workflows/triage.yml"), VULNERABLE);
    Files.createDirectories(repo.resolve("tools/greet"));
    Files.writeString(repo.resolve("tools/greet/action.yml"),
        "runs:\n  using: composite\n  steps:\n    - shell: bash\n      run: echo ${{ github.event.comment.body }}\n");
    Files.createDirectories(repo.resolve("node_modules/x"));
    Files.writeString(repo.resolve("node_modules/x/action.yml"), "not: [valid");
  }

  private int run(String... args) {
    return AuditCli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  @Test
  void textOutputAndExitCodeByHighestSeverity() {
    int code = run(repo.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(13);
    assertThat(text).contains(".github/workflows/triage.yml:7:", "high template-injection");
    assertThat(text).contains("[suppressed in file: only a number ends up here]");
    assertThat(text).contains("tools/greet/action.yml:5:");
    assertThat(text).doesNotContain("node_modules");
  }

  @Test
  void minSeverityFiltersAndGates() {
    assertThat(run("--min-severity", "critical", repo.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("no findings");
  }

  @Test
  void jsonReportIsVersionedAndCountsSuppressions() throws Exception {
    Path file = repo.resolve("report.json");
    run("--format", "json", "-o", file.toString(), repo.resolve(".github/workflows/triage.yml").toString());
    JsonNode report = new ObjectMapper().readTree(file.toFile());
    assertThat(report.get("formatVersion").asInt()).isEqualTo(1);
    JsonNode findings = report.get("findings");
    assertThat(findings).hasSizeGreaterThanOrEqualTo(2);
    assertThat(report.at("/summary/suppressed").asInt()).isEqualTo(1);
    JsonNode suppressed = null;
    for (JsonNode f : findings) {
      if (!f.get("suppression").isNull()) {
        suppressed = f;
      }
    }
    assertThat(suppressed).isNotNull();
    assertThat(suppressed.at("/suppression/kind").asText()).isEqualTo("inline");
    assertThat(suppressed.get("fingerprint").asText()).hasSize(32);
  }

  @Test
  void sarifValidatesAgainstTheSarif210Schema() throws Exception {
    run("--format", "sarif", repo.toString());
    JsonNode sarif = new ObjectMapper().readTree(out.toByteArray());
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertThat(errors).isEmpty();
    JsonNode results = sarif.at("/runs/0/results");
    assertThat(results.size()).isGreaterThanOrEqualTo(3);
    assertThat(results.get(0).at("/partialFingerprints/gatehouse~1v1").asText()).hasSize(32);
    assertThat(sarif.at("/runs/0/tool/driver/rules").size()).isGreaterThan(0);
    boolean suppressed = false;
    for (JsonNode r : results) {
      suppressed |= r.has("suppressions") && r.at("/suppressions/0/kind").asText().equals("inSource");
    }
    assertThat(suppressed).isTrue();
  }

  @Test
  void missingPathAndBadPolicyAreUsageErrors() throws Exception {
    assertThat(run(repo.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or directory");
    Path policy = repo.resolve("policy.yml");
    Files.writeString(policy, "pinning:\n  '*': sha-pin\n");
    assertThat(run("--policy", policy.toString(), repo.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown pinning level 'sha-pin'");
  }
}
