package dev.gatehouse.web.metrics;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics and health on the management port, without credentials (for probes and
 * Prometheus' pod discovery) and not on the application port; the OpenAPI description behind sign-in.
 */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class OpsEndpointsTest {

  @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
  URL metrics;

  @TestHTTPResource(value = "/health/ready", management = true)
  URL ready;

  @Test
  void metricsCountScansRequestsAndOpenFindings() throws Exception {
    long id = given().contentType(ContentType.JSON).body(Map.of("organization", "acme")).post("/api/v1/scans")
        .then().extract().jsonPath().getLong("id");
    for (int i = 0; i < 300 && "running".equals(given().get("/api/v1/scans/" + id).then().extract().jsonPath().getString("status")); i++) {
      Thread.sleep(100);
    }
    // No credentials: the management port is open to whoever can reach it (the cluster's inside).
    String metrics = RestAssured.given().auth().none().get(this.metrics).then().statusCode(200).extract().asString();
    assertThat(metrics).contains("gatehouse_scans_total{organization=\"acme\",status=\"completed\"}");
    assertThat(metrics).contains("gatehouse_github_requests_total{organization=\"acme\"}");
    assertThat(metrics).contains("gatehouse_findings_open{organization=\"acme\",severity=\"high\"}");
    assertThat(metrics).contains("gatehouse_github_rate_limit_remaining");
    assertThat(metrics).doesNotContain(GitHubMockResource.TOKEN);
  }

  @Test
  void healthIsOnTheManagementPortAndNeitherIsOnTheApplicationPort() {
    assertThat(RestAssured.given().auth().none().get(ready).then().statusCode(200).extract().asString()).contains("\"UP\"");
    assertThat(ready.getPort()).isNotEqualTo(RestAssured.port);
    given().get("/q/metrics").then().statusCode(404);
    given().get("/q/health/ready").then().statusCode(404);
  }

  @Test
  void openApiDescribesTheApi() {
    String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
    assertThat(openapi).contains("/api/v1/scans", "/api/v1/findings", "/api/v1/alerts", "/api/v1/exports/findings");
  }
}
