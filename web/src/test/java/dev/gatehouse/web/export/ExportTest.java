package dev.gatehouse.web.export;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Location;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Suppression;
import dev.gatehouse.web.finding.FindingLedger;
import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.scan.ScanEntity;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class ExportTest {

  static final String TRICKY = "uses \"evil\", then\nruns it";
  static final Instant T1 = Instant.parse("2026-11-01T02:00:00Z");
  static final Instant T2 = Instant.parse("2026-11-10T02:00:00Z");

  @Inject
  FindingLedger ledger;

  static boolean seeded;
  static long firstScan;

  static Finding finding(String fp, Severity severity, String message, Suppression suppression) {
    return new Finding("template-injection", severity, Confidence.HIGH, message,
        new Location(".github/workflows/ci.yml", 7, 3, "jobs.build.steps[0]"), List.of(), fp, suppression);
  }

  @BeforeEach
  void seed() {
    if (seeded) {
      return;
    }
    long[] ids = QuarkusTransaction.requiringNew().call(() -> {
      OrganizationEntity org = new OrganizationEntity();
      org.login = "export-co";
      org.apiUrl = "http://localhost";
      org.persist();
      long[] out = new long[3];
      out[0] = org.id;
      for (int i = 1; i <= 2; i++) {
        ScanEntity s = new ScanEntity();
        s.organization = org;
        s.trigger = "api";
        s.status = ScanEntity.COMPLETED;
        s.startedAt = i == 1 ? T1 : T2;
        s.finishedAt = i == 1 ? T1.plusSeconds(60) : T2.plusSeconds(60);
        s.persist();
        out[i] = s.id;
      }
      return out;
    });
    firstScan = ids[1];
    Suppression exception = new Suppression(Suppression.Kind.EXCEPTION, "accepted", "sec@example.com", LocalDate.of(2027, 1, 1));
    ledger.merge(ids[0], ids[1], T1, "export-co/web", FindingLedger.Scope.WORKFLOW,
        List.of(finding("fa", Severity.HIGH, TRICKY, null), finding("fb", Severity.MEDIUM, "later fixed", null)), true);
    ledger.merge(ids[0], ids[2], T2, "export-co/web", FindingLedger.Scope.WORKFLOW,
        List.of(finding("fa", Severity.CRITICAL, TRICKY, null), finding("fc", Severity.LOW, "new later", null)), true);
    ledger.merge(ids[0], ids[2], T2, "export-co/api", FindingLedger.Scope.WORKFLOW,
        List.of(finding("fd", Severity.HIGH, "excepted", exception)), true);
    seeded = true;
  }

  @Test
  void csvHasAHeaderAndEscapesCommasQuotesAndNewlines() {
    String csv = given().get("/api/v1/exports/findings?organization=export-co&format=csv").then().statusCode(200)
        .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo(String.join(",", FindingExport.CSV_HEADER));
    assertThat(csv).contains("\"uses \"\"evil\"\", then\nruns it\"");
    assertThat(csv).contains("fa").contains("fc").contains("fd").doesNotContain("later fixed");
    assertThat(csv).contains("critical");
  }

  @Test
  void asOfAPastDateReturnsThatDatesState() throws Exception {
    JsonNode past = new ObjectMapper().readTree(given().get("/api/v1/exports/findings?organization=export-co&format=json&asOf=2026-11-05")
        .then().statusCode(200).extract().asByteArray());
    List<String> fingerprints = past.get("findings").findValuesAsText("fingerprint");
    assertThat(fingerprints).containsExactlyInAnyOrder("fa", "fb");
    for (JsonNode f : past.get("findings")) {
      if (f.get("fingerprint").asText().equals("fa")) {
        assertThat(f.get("severity").asText()).isEqualTo("high");
      }
    }
    JsonNode byScan = new ObjectMapper().readTree(given().get("/api/v1/exports/findings?organization=export-co&format=json&scan=" + firstScan)
        .then().statusCode(200).extract().asByteArray());
    assertThat(byScan.get("findings").findValuesAsText("fingerprint")).containsExactlyInAnyOrder("fa", "fb");
    JsonNode now = new ObjectMapper().readTree(given().get("/api/v1/exports/findings?organization=export-co&format=json")
        .then().statusCode(200).extract().asByteArray());
    assertThat(now.get("findings").findValuesAsText("fingerprint")).containsExactlyInAnyOrder("fa", "fc", "fd");
  }

  @Test
  void sarifValidatesHasARunPerRepositoryAndMarksExceptionsExternal() throws Exception {
    byte[] body = given().get("/api/v1/exports/findings?organization=export-co&format=sarif").then().statusCode(200).extract().asByteArray();
    JsonNode sarif = new ObjectMapper().readTree(body);
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    assertThat(schema.validate(sarif)).isEmpty();
    assertThat(sarif.get("runs")).hasSize(2);
    assertThat(sarif.at("/runs/0/automationDetails/id").asText()).isEqualTo("gatehouse/export-co/api/");
    assertThat(sarif.at("/runs/0/results/0/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(sarif.at("/runs/1/results/0/partialFingerprints/gatehouse~1v1").asText()).isNotBlank();
    JsonNode one = new ObjectMapper().readTree(given().get("/api/v1/exports/findings?organization=export-co&format=sarif&runs=organization")
        .then().statusCode(200).extract().asByteArray());
    assertThat(one.get("runs")).hasSize(1);
    assertThat(one.at("/runs/0/results")).hasSize(3);
    assertThat(schema.validate(one)).isEmpty();
  }

  @Test
  void badRequestsSayWhatIsWrong() {
    given().get("/api/v1/exports/findings?format=csv").then().statusCode(400);
    given().get("/api/v1/exports/findings?organization=export-co&format=xml").then().statusCode(400);
    given().get("/api/v1/exports/findings?organization=export-co&asOf=yesterday").then().statusCode(400);
  }
}
