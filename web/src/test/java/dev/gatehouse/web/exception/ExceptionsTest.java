package dev.gatehouse.web.exception;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.policy.RuleException;
import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.policy.Policies;
import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import dev.gatehouse.web.testing.Scans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Granting and expiring exceptions through the API and the page's forms; the audit log records both. */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "exception-admin", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class ExceptionsTest {

  private static final String ORG = GitHubMockResource.DEMO;
  private static boolean scanned;

  @Inject ScanService scans;
  @Inject Policies policies;

  @BeforeEach
  void organizationKnown() {
    if (!scanned) {
      Scans.runAndWait(scans, ORG);
      scanned = true;
    }
  }

  @Test
  void grantedThroughTheApiReadByTheNextScansPolicyThenExpired() {
    String repo = ORG + "/api-test-" + System.nanoTime();
    Response created = given().contentType(ContentType.JSON).body(request(repo, LocalDate.now(ZoneOffset.UTC).plusDays(30)))
        .post("/api/v1/exceptions");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    long id = created.jsonPath().getLong("id");
    assertThat(created.header("Location")).endsWith("/api/v1/exceptions/" + id);
    assertThat(created.jsonPath().getString("createdBy")).isEqualTo("exception-admin");
    assertThat(created.jsonPath().getString("organization")).isEqualTo(ORG);
    given().get("/api/v1/exceptions/" + id).then().statusCode(200);
    assertThat(given().get("/api/v1/exceptions?organization=" + ORG).jsonPath().getList("repository")).contains(repo);

    // The policy the next scan is judged against carries it, with the scope as granted.
    assertThat(effective().stream().filter(e -> repo.equals(e.repo())).findFirst().orElseThrow())
        .satisfies(e -> assertThat(e.rule()).isEqualTo("template-injection"))
        .satisfies(e -> assertThat(e.path()).isEqualTo(".github/workflows/ci.yml"))
        .satisfies(e -> assertThat(e.expiredOn(LocalDate.now(ZoneOffset.UTC))).isFalse());
    assertThat(Scans.runAndWait(scans, ORG).status()).as("a scan with a granted exception in force").isEqualTo("completed");

    JsonPath expired = given().contentType(ContentType.JSON).post("/api/v1/exceptions/" + id + "/expire")
        .then().statusCode(200).extract().jsonPath();
    assertThat(expired.getBoolean("expired")).isTrue();
    assertThat(expired.getString("expiredAt")).isNotNull();
    assertThat(effective().stream().filter(e -> repo.equals(e.repo())).findFirst().orElseThrow()
        .expiredOn(LocalDate.now(ZoneOffset.UTC))).isTrue();
    given().contentType(ContentType.JSON).post("/api/v1/exceptions/" + id + "/expire").then().statusCode(409)
        .body("error", org.hamcrest.Matchers.containsString("already expired"));
    given().contentType(ContentType.JSON).post("/api/v1/exceptions/999999999/expire").then().statusCode(404);

    JsonPath log = given().get("/api/v1/audit-log?actor=exception-admin&limit=500").then().statusCode(200).extract().jsonPath();
    assertThat(log.getList("items.findAll { it.subject.contains('" + repo + "') }.action"))
        .containsExactly("exception.expired", "exception.created");
  }

  @Test
  void invalidRequestsAreRefusedWithTheReason() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    refused(request("acme/x", today.minusDays(1)), "in the past");
    refused(request("acme/x", today.plusYears(1).plusDays(1)), "at most a year ahead");
    Map<String, Object> noOwner = request("acme/x", today.plusDays(3));
    noOwner.put("owner", " ");
    refused(noOwner, "owner is required");
    Map<String, Object> badRule = request("acme/x", today.plusDays(3));
    badRule.put("rule", "no-such-rule");
    refused(badRule, "there is no rule no-such-rule");
    Map<String, Object> badDate = request("acme/x", today.plusDays(3));
    badDate.put("expires", "31/01/2027");
    refused(badDate, "must be a date like");
    Map<String, Object> unknownOrg = request("acme/x", today.plusDays(3));
    unknownOrg.put("organization", "nobody-here");
    refused(unknownOrg, "does not know the organization nobody-here");
  }

  @Test
  @TestSecurity(authMechanism = "gatehouse", user = "viewer-only", roles = {"viewer"})
  void viewersReadButCannotGrantOrExpire() {
    given().get("/api/v1/exceptions").then().statusCode(200);
    given().contentType(ContentType.JSON).body(request("acme/x", LocalDate.now(ZoneOffset.UTC).plusDays(3)))
        .post("/api/v1/exceptions").then().statusCode(403);
    given().contentType(ContentType.JSON).post("/api/v1/exceptions/1/expire").then().statusCode(403);
    String page = given().accept(ContentType.HTML).get("/orgs/" + ORG + "/exceptions").then().statusCode(200).extract().asString();
    assertThat(page).doesNotContain("id=\"grant\"", "Expire now");
  }

  @Test
  void theFormGrantsWithARedirectAndRefusesInvalidInputWithTheFormRefilled() {
    Response page = given().accept(ContentType.HTML).get("/orgs/" + ORG + "/exceptions");
    assertThat(page.asString()).contains("id=\"grant\"", "<option value=\"template-injection\"", "takes effect at the <strong>next scan");
    String token = csrf(page.asString());
    String cookie = page.cookie("csrf-token");
    String repo = ORG + "/form-test-" + System.nanoTime();

    Response refused = form(cookie, token, repo, "2000-01-01").post("/orgs/" + ORG + "/exceptions");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.asString()).contains("id=\"form-error\"", "is in the past", "value=\"" + repo + "\"");

    String expires = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
    Response granted = form(cookie, token, repo, expires).post("/orgs/" + ORG + "/exceptions");
    assertThat(granted.statusCode()).isEqualTo(303);
    assertThat(granted.header("Location")).endsWith("/orgs/" + ORG + "/exceptions?done=created");
    String after = given().accept(ContentType.HTML).get("/orgs/" + ORG + "/exceptions?done=created").asString();
    assertThat(after).contains("Exception granted. It takes effect at the next scan.", repo);

    long id = given().get("/api/v1/exceptions?organization=" + ORG).jsonPath()
        .getLong("find { it.repository == '" + repo + "' }.id");
    Response expired = given().cookie("csrf-token", cookie).formParam("csrf-token", token).redirects().follow(false)
        .post("/orgs/" + ORG + "/exceptions/" + id + "/expire");
    assertThat(expired.statusCode()).isEqualTo(303);
    assertThat(expired.header("Location")).endsWith("?done=expired");
    // Without the CSRF token the form is refused before anything changes.
    given().formParam("rule", "template-injection").redirects().follow(false).post("/orgs/" + ORG + "/exceptions").then().statusCode(400);
  }

  private static io.restassured.specification.RequestSpecification form(String cookie, String token, String repo, String expires) {
    return given().cookie("csrf-token", cookie).formParam("csrf-token", token).formParam("rule", "template-injection")
        .formParam("repository", repo).formParam("file", "").formParam("owner", "platform team")
        .formParam("reason", "accepted until the rewrite").formParam("expires", expires).redirects().follow(false);
  }

  private java.util.List<RuleException> effective() {
    return QuarkusTransaction.requiringNew().call(() -> policies.effective(OrganizationEntity.findByLogin(ORG).orElseThrow().id).exceptions());
  }

  private static void refused(Map<String, Object> body, String reason) {
    given().contentType(ContentType.JSON).body(body).post("/api/v1/exceptions").then().statusCode(400)
        .body("error", org.hamcrest.Matchers.containsString(reason));
  }

  private static Map<String, Object> request(String repo, LocalDate expires) {
    Map<String, Object> body = new HashMap<>();
    body.put("organization", ORG);
    body.put("rule", "template-injection");
    body.put("repository", repo);
    body.put("file", ".github/workflows/ci.yml");
    body.put("owner", "platform team");
    body.put("reason", "tracked in SEC-123");
    body.put("expires", expires.toString());
    return body;
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    return m.group(1);
  }
}
