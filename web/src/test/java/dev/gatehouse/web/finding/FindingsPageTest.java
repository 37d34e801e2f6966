package dev.gatehouse.web.finding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The findings explorer as HTML: rows, links, escaping, severity counts and keyset pages. */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class FindingsPageTest {

  static final String HOSTILE = "<img src=x onerror=alert(1)> expanded into run";

  static FindingFixtures org;
  static long critical;
  static long injection;
  static long excepted;

  @BeforeEach
  void seed() {
    if (org != null) {
      return;
    }
    org = FindingFixtures.organization("page-findings");
    org.repository("app", "0123abcd");
    critical = org.finding("app", "workflow", "known-compromised-action", "critical", ".github/workflows/ci.yml", 12,
        "tj-actions/changed-files@v45 is compromised", "open", null, LocalDate.parse("2026-01-05"));
    injection = org.finding("app", "workflow", "template-injection", "high", ".github/workflows/we ird#1?.yml", 7, HOSTILE,
        "open", null, LocalDate.parse("2026-02-10"));
    excepted = org.finding("", "settings", "default-token-writable", "high", "/orgs/" + org.login, 0,
        "the default workflow token can write", "open", "exception", LocalDate.parse("2026-03-01"));
    org.finding("app", "workflow", "unpinned-action", "medium", ".github/workflows/ci.yml", 20, "actions/foo@v1 is not pinned",
        "fixed", null, LocalDate.parse("2025-12-01"));
  }

  private static String page(String query) {
    Response r = given().accept(ContentType.HTML).get("/orgs/" + org.login + "/findings" + query);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.asString();
  }

  static List<Long> rowIds(String html) {
    List<Long> ids = new ArrayList<>();
    Matcher m = Pattern.compile("data-finding-id=\"(\\d+)\"").matcher(html);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  static long count(String html, String severity) {
    Matcher m = Pattern.compile("data-severity=\"" + severity + "\"[^>]*>" + severity + " <strong>(\\d+)</strong>").matcher(html);
    assertThat(m.find()).as("count of " + severity).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void openFindingsByDefaultWithLinksToRuleRepositoryAndTheLineOnGitHub() {
    String html = page("");
    assertThat(rowIds(html)).containsExactly(critical, injection);
    assertThat(html).contains("href=\"/rules/template-injection\"")
        .contains("href=\"/orgs/" + org.login + "/repositories/app\"")
        .contains("href=\"https://github.com/" + org.login + "/app/blob/0123abcd/.github/workflows/we%20ird%231%3F.yml#L7\"")
        .contains(".github/workflows/ci.yml:12");
    // Text from GitHub stays text.
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    assertThat(count(html, "all")).isEqualTo(2);
    assertThat(count(html, "critical")).isEqualTo(1);
    assertThat(count(html, "high")).isEqualTo(1);
    assertThat(count(html, "medium")).isZero();
    assertThat(html).contains("<option value=\"open\" selected>");
  }

  @Test
  void severityNarrowsAndCountsStillShowTheOtherSeverities() {
    String html = page("?status=all&severity=high");
    assertThat(rowIds(html)).containsExactly(excepted, injection);
    assertThat(html).contains("<option value=\"high\" selected>", "<option value=\"all\" selected>");
    assertThat(count(html, "critical")).isEqualTo(1);
    assertThat(count(html, "medium")).isEqualTo(1);
    assertThat(html).contains("2 findings match.");
    // The settings finding links to the settings page, and says why it is excepted and by whom.
    assertThat(html).contains("href=\"/orgs/" + org.login + "/settings\"", "reviewed by the platform team (sec-team)");
  }

  @Test
  void otherFiltersShowUpInTheFormAndNarrow() {
    String html = page("?status=all&repository=app&from=2026-01-01&to=2026-01-31&rule=known-compromised-action&q=changed");
    assertThat(rowIds(html)).containsExactly(critical);
    assertThat(html).contains("value=\"" + org.login + "/app\"", "value=\"2026-01-01\"", "value=\"2026-01-31\"",
        "value=\"changed\"", "<option value=\"known-compromised-action\" selected>");
    assertThat(rowIds(page("?status=fixed"))).hasSize(1);
    assertThat(page("?status=excepted&q=nothing-like-this")).contains("No findings match these filters.");
  }

  @Test
  void keysetPagesOfFifty() {
    FindingFixtures many = FindingFixtures.organization("paged-findings");
    for (int i = 1; i <= 55; i++) {
      many.finding("repo-" + (i % 3), "workflow", "unpinned-action", i % 2 == 0 ? "low" : "medium",
          ".github/workflows/ci.yml", i, "finding " + i, "open", null, LocalDate.parse("2026-04-01"));
    }
    String first = given().accept(ContentType.HTML).get("/orgs/" + many.login + "/findings").asString();
    assertThat(rowIds(first)).hasSize(50);
    assertThat(first).doesNotContain("id=\"first-page\"");
    Matcher next = Pattern.compile("href=\"([^\"]+)\" id=\"next-page\"").matcher(first);
    assertThat(next.find()).isTrue();
    String href = next.group(1).replace("&amp;", "&");
    String second = given().accept(ContentType.HTML).urlEncodingEnabled(false).get(href).asString();
    assertThat(rowIds(second)).hasSize(5).doesNotContainAnyElementsOf(rowIds(first));
    assertThat(second).contains("id=\"first-page\"").doesNotContain("id=\"next-page\"");
  }

  @Test
  void unknownOrganizationIsANotFoundPage() {
    Response r = given().accept(ContentType.HTML).get("/orgs/no-such-org-here/findings");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.asString()).contains("No organization no-such-org-here is scanned here.");
  }
}
