package dev.gatehouse.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import dev.gatehouse.web.testing.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "reader", roles = "viewer")
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class OrganizationApiTest {

  @Inject ScanService scans;

  @BeforeEach
  void scanned() {
    if (scans.latest("acme").filter(s -> s.status().equals("completed")).isEmpty()) {
      Scans.runAndWait(scans, "acme");
    }
  }

  @Test
  void organizationsWithTheirState() {
    JsonPath orgs = given().get("/api/v1/organizations").then().statusCode(200).extract().jsonPath();
    assertThat(orgs.getList("login", String.class)).contains("acme");
    JsonPath acme = given().get("/api/v1/organizations/acme").then().statusCode(200).extract().jsonPath();
    assertThat(acme.getInt("repositories")).isEqualTo(GitHubMockResource.REPO_COUNT);
    assertThat(acme.getString("lastScan.status")).isEqualTo("completed");
    assertThat(acme.getInt("openFindings.high") + acme.getInt("openFindings.critical") + acme.getInt("openFindings.medium")).isPositive();
    assertThat(acme.getList("controls")).isNotEmpty();
    given().get("/api/v1/organizations/no-such-org").then().statusCode(404);
  }

  @Test
  void repositoriesPageWithCursorsUntilTheEnd() {
    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonPath page = given().queryParam("limit", 100).queryParam("cursor", cursor == null ? "" : cursor)
          .get("/api/v1/organizations/acme/repositories").then().statusCode(200).extract().jsonPath();
      names.addAll(page.getList("items.fullName", String.class));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(names).hasSize(GitHubMockResource.REPO_COUNT).doesNotHaveDuplicates().isSorted();
    JsonPath priv = given().get("/api/v1/organizations/acme/repositories?visibility=private&privileged=false").then().statusCode(200)
        .extract().jsonPath();
    assertThat(priv.getList("items.visibility", String.class)).isNotEmpty().containsOnly("private");
    given().get("/api/v1/organizations/acme/repositories?cursor=%%%").then().statusCode(400);
    given().get("/api/v1/organizations/acme/repositories?limit=0").then().statusCode(400);
    given().get("/api/v1/organizations/acme/repositories?limit=501").then().statusCode(400);
    given().get("/api/v1/organizations/no-such-org/repositories").then().statusCode(404);
  }

  @Test
  void aRepositoryWithSettingsWorkflowsFindingsAndHistory() {
    JsonPath repo = given().get("/api/v1/organizations/acme/repositories/service-001").then().statusCode(200).extract().jsonPath();
    assertThat(repo.getString("repository.fullName")).isEqualTo("acme/service-001");
    assertThat(repo.getList("settings.name", String.class)).contains("Default GITHUB_TOKEN", "Allowed actions");
    assertThat(repo.getList("workflows.triggers", String.class)).containsExactly("issues");
    assertThat(repo.getList("files.findings.ruleId").toString()).contains("template-injection");
    assertThat(repo.getList("history.kind", String.class)).contains("new");
    given().get("/api/v1/organizations/acme/repositories/nope").then().statusCode(404);
  }

  @Test
  void scansNewestFirstWithCursor() {
    Scans.runAndWait(scans, "acme");
    JsonPath first = given().get("/api/v1/scans?organization=acme&limit=1").then().statusCode(200).extract().jsonPath();
    assertThat(first.getList("items")).hasSize(1);
    long newest = first.getLong("items[0].id");
    JsonPath second = given().get("/api/v1/scans?organization=acme&limit=1&cursor=" + first.getString("nextCursor"))
        .then().statusCode(200).extract().jsonPath();
    assertThat(second.getLong("items[0].id")).isLessThan(newest);
    assertThat(second.getString("items[0].status")).isEqualTo("completed");
    given().get("/api/v1/scans").then().statusCode(400);
  }
}
