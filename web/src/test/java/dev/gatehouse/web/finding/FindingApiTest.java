package dev.gatehouse.web.finding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/findings}: filters shared with the explorer page, cursor pages, and one finding's history. */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class FindingApiTest {

  static FindingFixtures org;
  static long critical;
  static long injection;
  static long suppressed;
  static long excepted;
  static long fixed;

  @BeforeEach
  void seed() {
    if (org != null) {
      return;
    }
    org = FindingFixtures.organization("api-findings");
    org.repository("app", "0123abcd");
    org.repository("lib", "feedbeef");
    critical = org.finding("app", "workflow", "known-compromised-action", "critical", ".github/workflows/ci.yml", 12,
        "tj-actions/changed-files@v45 is compromised", "open", null, LocalDate.parse("2026-01-05"));
    injection = org.finding("app", "workflow", "template-injection", "high", ".github/workflows/triage.yml", 7,
        "issue title expanded into run", "open", null, LocalDate.parse("2026-02-10"));
    suppressed = org.finding("lib", "workflow", "unpinned-action", "medium", ".github/workflows/release.yml", 3,
        "actions/foo@v1 is not pinned 100_percent", "open", "inline", LocalDate.parse("2026-02-11"));
    excepted = org.finding("", "settings", "default-token-writable", "high", "/orgs/" + org.login, 0,
        "the default workflow token can write", "open", "exception", LocalDate.parse("2026-03-01"));
    fixed = org.finding("lib", "workflow", "missing-permissions", "low", ".github/workflows/ci.yml", 1,
        "job has no permissions block", "fixed", null, LocalDate.parse("2025-12-01"));
  }

  private static List<Long> ids(String query) {
    JsonPath page = given().get("/api/v1/findings?organization=" + org.login + query).then().statusCode(200).extract().jsonPath();
    assertThat(page.getString("nextCursor")).isNull();
    return page.getList("items.id", Long.class);
  }

  private static List<Long> searching(String text) {
    return given().queryParam("organization", org.login).queryParam("q", text).get("/api/v1/findings")
        .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
  }

  @Test
  void everyStateMostSevereFirstByDefault() {
    assertThat(ids("")).containsExactly(critical, excepted, injection, suppressed, fixed);
    JsonPath page = given().get("/api/v1/findings?organization=" + org.login).then().extract().jsonPath();
    assertThat(page.getList("items.state", String.class)).containsExactly("open", "excepted", "open", "suppressed", "fixed");
    assertThat(page.getString("items[1].suppressionOwner")).isEqualTo("sec-team");
    assertThat(page.getString("items[1].scope")).isEqualTo("settings");
  }

  @Test
  void statusSeparatesOpenFromSuppressedAndExcepted() {
    assertThat(ids("&status=open")).containsExactly(critical, injection);
    assertThat(ids("&status=suppressed")).containsExactly(suppressed);
    assertThat(ids("&status=excepted")).containsExactly(excepted);
    assertThat(ids("&status=fixed")).containsExactly(fixed);
    assertThat(ids("&status=all")).hasSize(5);
  }

  @Test
  void filtersCombine() {
    assertThat(ids("&severity=HIGH")).containsExactly(excepted, injection);
    assertThat(ids("&rule=template-injection")).containsExactly(injection);
    assertThat(ids("&repository=lib")).containsExactly(suppressed, fixed);
    assertThat(ids("&repository=" + org.login + "/app&status=open")).containsExactly(critical, injection);
    assertThat(ids("&repository=" + org.login)).containsExactly(excepted);
    assertThat(ids("&subject=" + org.login + "/lib")).containsExactly(suppressed, fixed);
    assertThat(ids("&firstSeenFrom=2026-02-10&firstSeenTo=2026-02-11")).containsExactly(injection, suppressed);
    assertThat(ids("&firstSeenTo=2026-01-05")).containsExactly(critical, fixed);
    assertThat(searching("ISSUE TITLE")).containsExactly(injection);
    // LIKE wildcards typed by the user match themselves only.
    assertThat(searching("100_percent")).containsExactly(suppressed);
    assertThat(searching("0_p")).containsExactly(suppressed);
    assertThat(searching("%")).isEmpty();
    assertThat(searching("_")).containsExactly(suppressed);
  }

  @Test
  void cursorWalksEveryFindingOnceInOrder() {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonPath page = given().queryParam("organization", org.login).queryParam("limit", 2)
          .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/findings").then().statusCode(200).extract().jsonPath();
      assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
      seen.addAll(page.getList("items.id", Long.class));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly(critical, excepted, injection, suppressed, fixed);
  }

  @Test
  void malformedParametersAreRefused() {
    given().get("/api/v1/findings").then().statusCode(400).body("error", containsString("organization"));
    String base = "/api/v1/findings?organization=" + org.login;
    given().get(base + "&severity=urgent").then().statusCode(400).body("error", containsString("severity"));
    given().get(base + "&status=closed").then().statusCode(400).body("error", containsString("status"));
    given().get(base + "&firstSeenFrom=yesterday").then().statusCode(400).body("error", containsString("ISO date"));
    given().get(base + "&cursor=bm90LWEtY3Vyc29y").then().statusCode(400).body("error", containsString("cursor"));
    given().get(base + "&limit=501").then().statusCode(400).body("error", containsString("limit"));
  }

  @Test
  void oneFindingWithItsHistory() {
    JsonPath detail = given().get("/api/v1/findings/" + fixed).then().statusCode(200).extract().jsonPath();
    assertThat(detail.getString("finding.ruleId")).isEqualTo("missing-permissions");
    assertThat(detail.getString("finding.state")).isEqualTo("fixed");
    assertThat(detail.getList("events.kind", String.class)).containsExactly("new", "fixed");
    assertThat(detail.getString("events[1].after")).isEqualTo("fixed");
    given().get("/api/v1/findings/987654321").then().statusCode(404);
  }
}
