package dev.gatehouse.web.report;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class ControlReportTest {

  @Test
  void controlsFailWithEvidenceOrAreNotEvaluatedNeverPassWithoutTheirInputs() throws Exception {
    long id = given().contentType(ContentType.JSON).body(Map.of("organization", "acme")).post("/api/v1/scans")
        .then().extract().jsonPath().getLong("id");
    for (int i = 0; i < 300 && "running".equals(given().get("/api/v1/scans/" + id).then().extract().jsonPath().getString("status")); i++) {
      Thread.sleep(100);
    }
    JsonPath report = given().get("/api/v1/reports/controls?organization=acme").then().statusCode(200).extract().jsonPath();
    assertThat(report.getList("controls")).hasSize(5);
    // service-001 injects an issue title into a shell: both PR-code controls fail, with a link to the findings.
    assertThat(report.getString("controls.find { it.control == 'NO_DIRECT_EXECUTION' }.status")).isEqualTo("fail");
    assertThat(report.getString("controls.find { it.control == 'NO_DIRECT_EXECUTION' }.evidence[0].link"))
        .contains("/api/v1/findings?organization=acme&rule=");
    // The mock answers 404 for runner endpoints: runner isolation is not evaluated, never passed.
    assertThat(report.getString("controls.find { it.control == 'RUNNER_ISOLATION' }.status")).isIn("fail", "not_evaluated");
    assertThat(report.getList("controls.status", String.class)).doesNotContain("pass");
    given().get("/api/v1/reports/controls?organization=nobody").then().statusCode(404);
    given().get("/api/v1/reports/controls").then().statusCode(400);
  }
}
