package dev.gatehouse.web.overview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import dev.gatehouse.web.testing.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Overview, repository list and repository page over HTTP, on data from real scans of the mock GitHub. */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class DashboardPagesTest {

  @Inject ScanService scans;

  @BeforeEach
  void scanned() {
    if (scans.latest("acme").filter(s -> s.status().equals("completed")).isEmpty()) {
      Scans.runAndWait(scans, "acme");
    }
    if (scans.latest(GitHubMockResource.DEMO).filter(s -> s.status().equals("completed")).isEmpty()) {
      Scans.runAndWait(scans, GitHubMockResource.DEMO);
    }
  }

  @Test
  void overviewShowsPostureControlsTrendAndScans() {
    Response page = html("/orgs/" + GitHubMockResource.DEMO);
    String body = page.asString();
    assertThat(body).contains("id=\"severity-cards\"", "id=\"controls\"", "<svg class=\"trend\"", "id=\"last-scan\" data-status=\"completed\"");
    // Real counts from the scan: the demo org has critical findings (a self-hosted lane reachable by forks).
    assertThat(count(body, "sev-critical\" href=\"/orgs/gatehouse-demo/findings\\?severity=critical&amp;status=open\"><span class=\"n\">(\\d+)"))
        .isGreaterThan(0);
    assertThat(body).contains("<span class=\"status status-fail\">fail</span>").contains("id=\"scan-now\"");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
  }

  @Test
  void theRootListsOrganizationsOrGoesToTheOnlyOne() {
    String body = html("/").asString();
    assertThat(body).contains("href=\"/orgs/acme\"", "href=\"/orgs/gatehouse-demo\"");
  }

  @Test
  void repositoryListPagesFiltersSearchesAndSorts() {
    String first = html("/orgs/acme/repositories?sort=name").asString();
    assertThat(rows(first)).hasSize(50);
    assertThat(first).contains("Page 1 of 5", "acme/service-001").doesNotContain("acme/service-060");
    assertThat(first).contains("acme/&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(GitHubMockResource.HOSTILE_NAME);

    List<String> nine = rows(html("/orgs/acme/repositories?q=service-00&sort=name").asString());
    assertThat(nine).hasSize(9).allSatisfy(r -> assertThat(r).contains("acme/service-00"));
    assertThat(rows(html("/orgs/acme/repositories?q=%25").asString())).isEmpty(); // a literal %, not a wildcard

    List<String> priv = rows(html("/orgs/acme/repositories?visibility=private").asString());
    assertThat(priv).isNotEmpty().allSatisfy(r -> assertThat(r).contains("vis-private"));
    assertThat(rows(html("/orgs/acme/repositories?archived=yes&sort=name").asString()))
        .isNotEmpty().allSatisfy(r -> assertThat(r).contains("archived"));

    // service-001 is the one repository with findings, an issues trigger and no self-hosted runner.
    List<String> severe = rows(html("/orgs/acme/repositories?severity=medium").asString());
    assertThat(severe).hasSize(1).first().asString().contains("acme/service-001");
    assertThat(rows(html("/orgs/acme/repositories?privileged=yes").asString())).hasSize(1).first().asString().contains("<code>issues</code>");
    assertThat(rows(html("/orgs/acme/repositories?selfHosted=yes").asString())).isEmpty();
    assertThat(rows(html("/orgs/" + GitHubMockResource.DEMO + "/repositories?selfHosted=yes").asString())).isNotEmpty();
    // Sorted by severity by default: the repository with findings first.
    assertThat(rows(html("/orgs/acme/repositories").asString()).get(0)).contains("acme/service-001");
  }

  @Test
  void repositoryPageShowsSettingsWorkflowsFindingsInContextAndHistory() {
    String body = html("/orgs/acme/repositories/service-001").asString();
    assertThat(body).contains("id=\"settings\"", "Default GITHUB_TOKEN", "id=\"workflows\"", ".github/workflows/triage.yml", "<code>issues</code>");
    // The offending line, numbered, highlighted and escaped.
    assertThat(body).containsPattern("<span class=\"ln hit\"><span class=\"no\">7</span>\\s*- run: echo &quot;\\$\\{\\{ github.event.issue.title }}&quot;");
    assertThat(body).contains("href=\"/rules/template-injection\"", "id=\"history\"", "<td>new</td>");
    assertThat(body).contains("https://github.com/acme/service-001/blob/");
    String missing = given().accept(ContentType.HTML).get("/orgs/acme/repositories/no-such-repo").then().statusCode(404)
        .contentType(ContentType.HTML).extract().asString();
    assertThat(missing).contains("no repository acme/no-such-repo");
    // A malformed parameter on a page answers with a page too, not JSON.
    given().accept(ContentType.HTML).get("/orgs/acme/findings?from=not-a-date").then().statusCode(400).contentType(ContentType.HTML);
  }

  @Test
  @TestSecurity(authMechanism = "gatehouse", user = "viewer", roles = "viewer")
  void aViewerCannotStartAScan() {
    given().contentType(ContentType.URLENC).formParam("x", "y").redirects().follow(false)
        .post("/orgs/acme/scan").then().statusCode(403);
    assertThat(html("/orgs/acme").asString()).doesNotContain("id=\"scan-now\"");
  }

  private static Response html(String path) {
    Response r = given().accept(ContentType.HTML).get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r;
  }

  private static List<String> rows(String html) {
    int start = html.indexOf("<tbody>");
    if (start < 0) {
      return List.of();
    }
    String body = html.substring(start, html.indexOf("</tbody>", start));
    return Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body).results().map(m -> m.group(1)).toList();
  }

  private static int count(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as(regex).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
