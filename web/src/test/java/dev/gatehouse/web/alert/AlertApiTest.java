package dev.gatehouse.web.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.gatehouse.web.finding.FindingFixtures;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/alerts}: newest first, filters, cursor pages. */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class AlertApiTest {

  static FindingFixtures org;
  static long runner;
  static long setting;
  static long repository;
  static long reintroduced;

  @BeforeEach
  void seed() {
    if (org != null) {
      return;
    }
    org = FindingFixtures.organization("api-alerts");
    runner = AlertFixtures.alert(org, "runner-registered", "high", org.login + ":runner:gpu-1", null, "self-hosted,gpu",
        "Self-hosted runner gpu-1 registered", "2026-11-20T09:00:00Z", null);
    setting = AlertFixtures.alert(org, "setting-changed", "critical", org.login, "read", "write",
        "The default workflow token became writable", "2026-11-20T15:00:00Z", null);
    repository = AlertFixtures.alert(org, "new-repository", "info", org.login + "/new-repo", null, "public",
        "New public repository", "2026-11-22T08:00:00Z", "bob");
    reintroduced = AlertFixtures.alert(org, "finding-reintroduced", "medium", org.login + "/app", "fixed", "open",
        "template-injection came back", "2026-11-23T12:00:00Z", null);
  }

  private static List<Long> ids(String query) {
    JsonPath page = given().get("/api/v1/alerts?organization=" + org.login + query).then().statusCode(200).extract().jsonPath();
    assertThat(page.getString("nextCursor")).isNull();
    return page.getList("items.id", Long.class);
  }

  @Test
  void newestFirstWithFilters() {
    assertThat(ids("")).containsExactly(reintroduced, repository, setting, runner);
    assertThat(ids("&open=true")).containsExactly(reintroduced, setting, runner);
    assertThat(ids("&open=false")).containsExactly(repository);
    assertThat(ids("&kind=setting-changed")).containsExactly(setting);
    assertThat(ids("&severity=critical")).containsExactly(setting);
    assertThat(ids("&severity=high&open=true")).containsExactly(runner);
    JsonPath first = given().get("/api/v1/alerts?organization=" + org.login + "&open=false").then().extract().jsonPath();
    assertThat(first.getString("items[0].acknowledgedBy")).isEqualTo("bob");
    assertThat(first.getString("items[0].after")).isEqualTo("public");
  }

  @Test
  void cursorContinuesWhereThePageEnded() {
    JsonPath one = given().get("/api/v1/alerts?organization=" + org.login + "&limit=3").then().statusCode(200).extract().jsonPath();
    assertThat(one.getList("items.id", Long.class)).containsExactly(reintroduced, repository, setting);
    String cursor = one.getString("nextCursor");
    assertThat(cursor).isNotBlank();
    JsonPath two = given().queryParam("organization", org.login).queryParam("limit", 3).queryParam("cursor", cursor)
        .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
    assertThat(two.getList("items.id", Long.class)).containsExactly(runner);
    assertThat(two.getString("nextCursor")).isNull();
  }

  @Test
  void malformedParametersAreRefused() {
    given().get("/api/v1/alerts").then().statusCode(400).body("error", containsString("organization"));
    given().get("/api/v1/alerts?organization=" + org.login + "&severity=severe").then().statusCode(400);
    given().get("/api/v1/alerts?organization=" + org.login + "&cursor=%%%").then().statusCode(400);
  }
}
