package dev.gatehouse.web.scan;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.gatehouse.web.demo.DemoGitHubServer;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.InjectGitHubMock;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class ScanResourceTest {

  @InjectGitHubMock
  DemoGitHubServer github;

  static JsonPath awaitFinished(long id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonPath scan = given().get("/api/v1/scans/" + id).then().statusCode(200).extract().jsonPath();
      if (!"running".equals(scan.getString("status"))) {
        return scan;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("scan " + id + " did not finish in 30 s");
  }

  static long startScan(String org) {
    return given().contentType(ContentType.JSON).body(Map.of("organization", org))
        .post("/api/v1/scans")
        .then().statusCode(202)
        .header("Location", containsString("/api/v1/scans/"))
        .extract().jsonPath().getLong("id");
  }

  @Test
  void scanListsEveryPageAndStoresEveryRepository() throws Exception {
    int before = github.received().size();
    long id = startScan("acme");
    JsonPath scan = awaitFinished(id);
    assertThat(scan.getString("status")).isEqualTo("completed");
    assertThat(scan.getInt("repositoryCount")).isEqualTo(GitHubMockResource.REPO_COUNT);

    // Three GraphQL pages of 100 followed by cursor, every request authenticated with the token.
    List<DemoGitHubServer.Received> sent = github.received().subList(before, github.received().size());
    List<DemoGitHubServer.Received> pages = sent.stream().filter(r -> r.body().contains("OrgRepos")).toList();
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).body()).contains("first: 100");
    assertThat(pages.get(1).body()).contains("\"cursor\":\"100\"");
    assertThat(sent).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + GitHubMockResource.TOKEN));
    assertThat(scan.getInt("requests")).isGreaterThan(3);
    assertThat(scan.getInt("unitsTotal")).isEqualTo(GitHubMockResource.REPO_COUNT);
    assertThat(scan.getInt("unitsDone")).isEqualTo(GitHubMockResource.REPO_COUNT);
    assertThat(scan.getLong("rateLimitRemaining")).isPositive();

    // The injected issue title in service-001 is stored as an open finding, with its history.
    JsonPath findings = given().get("/api/v1/findings?organization=acme&subject=acme/service-001&rule=template-injection")
        .then().statusCode(200).extract().jsonPath();
    assertThat(findings.getList("items")).hasSize(1);
    assertThat(findings.getString("items[0].status")).isEqualTo("open");
    assertThat(findings.getString("items[0].severity")).isEqualTo("high");
    assertThat(findings.getString("items[0].file")).isEqualTo(".github/workflows/triage.yml");
    // Runner endpoints answer 404 here: reported as not evaluated, never as compliant.
    assertThat(given().get("/api/v1/findings?organization=acme&subject=acme&rule=setting-not-evaluated").then().extract()
        .jsonPath().getList("items.message", String.class)).anySatisfy(m -> assertThat(m).contains("self-hosted runners").contains("404"));

    JsonPath repos = given().get("/api/v1/repositories?organization=acme").then().statusCode(200).extract().jsonPath();
    assertThat(repos.getList("$")).hasSize(GitHubMockResource.REPO_COUNT);
    Map<String, Object> seven = repos.getMap("find { it.name == 'service-007' }");
    assertThat(seven).containsEntry("fullName", "acme/service-007")
        .containsEntry("visibility", "public")
        .containsEntry("archived", true)
        .containsEntry("defaultBranch", "main")
        .containsEntry("organization", "acme");
    assertThat(seven.get("lastScannedAt")).isNotNull();
    Map<String, Object> thirty = repos.getMap("find { it.name == 'service-030' }");
    assertThat(thirty).containsEntry("visibility", "private").containsEntry("fork", true).containsEntry("defaultBranch", "trunk");
    assertThat(repos.getList("name", String.class)).contains(GitHubMockResource.HOSTILE_NAME);
  }

  @Test
  void rescanUpdatesRatherThanDuplicates() throws Exception {
    awaitFinished(startScan("acme"));
    awaitFinished(startScan("acme"));
    given().get("/api/v1/repositories?organization=acme").then().statusCode(200)
        .body("size()", equalTo(GitHubMockResource.REPO_COUNT));
    given().get("/api/v1/findings?organization=acme&subject=acme/service-001&rule=template-injection").then().statusCode(200)
        .body("items.size()", equalTo(1)).body("items[0].status", equalTo("open"));
  }

  @Test
  void unknownOrganizationFailsWithAReadableError() throws Exception {
    JsonPath scan = awaitFinished(startScan("gone"));
    assertThat(scan.getString("status")).isEqualTo("failed");
    assertThat(scan.getString("error")).contains("'gone' not found");
    assertThat(scan.getString("error")).doesNotContain(GitHubMockResource.TOKEN);
  }

  @Test
  void invalidOrganizationLoginIsRejected() {
    given().contentType(ContentType.JSON).body(Map.of("organization", "../../etc"))
        .post("/api/v1/scans").then().statusCode(400).body("error", containsString("not a GitHub organization login"));
  }

  @Test
  void organizationDefaultsToTheOnlyConfiguredOne() throws Exception {
    long id = given().contentType(ContentType.JSON).body("{}").post("/api/v1/scans")
        .then().statusCode(202).body("organization", equalTo("acme")).extract().jsonPath().getLong("id");
    awaitFinished(id);
  }

  @Test
  void unknownScanIs404() {
    given().get("/api/v1/scans/999999").then().statusCode(404);
  }
}
