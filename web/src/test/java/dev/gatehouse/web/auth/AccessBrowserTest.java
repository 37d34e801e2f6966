package dev.gatehouse.web.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.Browser;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Admins hand out accounts and API tokens through the page; viewers cannot reach it. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class AccessBrowserTest {

  @Inject Accounts accounts;

  @Test
  void anAdminCreatesAReadTokenThatReadsButCannotAct() {
    try (Browser browser = Browser.open().signInAs(accounts, Roles.ADMIN)) {
      browser.get("/admin/access");
      browser.find("#new-token input[name=name]").sendKeys("auditor-export");
      new Select(browser.find("#new-token select[name=scope]")).selectByValue("read");
      browser.submit("#new-token button");
      String secret = browser.waitFor(d -> d.findElement(By.id("secret-value"))).getText();
      assertThat(secret).startsWith("gth_");
      browser.screenshot("access");

      given().auth().oauth2(secret).get("/api/v1/repositories").then().statusCode(200);
      given().auth().oauth2(secret).contentType(ContentType.JSON).body(Map.of("organization", "acme"))
          .post("/api/v1/scans").then().statusCode(403);
      given().auth().oauth2(secret).contentType(ContentType.JSON).body(Map.of("name", "x", "scope", "admin"))
          .post("/api/v1/tokens").then().statusCode(403);

      browser.get("/admin/access");
      assertThat(browser.text()).contains("auditor-export").doesNotContain(secret); // shown once only
      browser.submit(browser.driver().findElement(By.xpath("//tr[td[1][text()='auditor-export']]//button")));
      browser.waitFor(d -> d.getCurrentUrl().contains("flash="));
      given().auth().oauth2(secret).get("/api/v1/repositories").then().statusCode(401);

      browser.find("#new-account input[name=username]").sendKeys("erin-" + System.nanoTime());
      browser.submit("#new-account button");
      assertThat(browser.waitFor(d -> d.findElement(By.id("secret-value"))).getText()).hasSize(20);
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }

  @Test
  void aViewerCannotReachAdminActions() {
    try (Browser browser = Browser.open().signInAs(accounts, Roles.VIEWER)) {
      browser.get("/orgs/acme");
      assertThat(browser.findAll("a[href='/admin/access']")).isEmpty();
      assertThat(browser.findAll("#scan-now")).isEmpty();
      browser.get("/admin/access");
      assertThat(browser.findAll("#new-token")).isEmpty();
      assertThat(browser.find("#forbidden-message").getText()).contains("This needs an admin");
      assertThat(browser.findAll("#tokens")).isEmpty();
    }
  }

  @Test
  void tokensOverTheApiAreCreatedOnceAndListedWithoutTheirSecret() {
    String admin = new ApiTokensFixture(accounts).adminToken();
    Map<String, Object> created = given().auth().oauth2(admin).contentType(ContentType.JSON)
        .body(Map.of("name", "ci", "scope", "read", "expiresAt", "2099-01-01T00:00:00Z"))
        .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath().getMap("");
    assertThat((String) created.get("secret")).startsWith("gth_");
    String listed = given().auth().oauth2(admin).get("/api/v1/tokens").then().statusCode(200).extract().asString();
    assertThat(listed).contains("\"name\":\"ci\"").doesNotContain((String) created.get("secret")).doesNotContain("hash");
    given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "bad", "scope", "root"))
        .post("/api/v1/tokens").then().statusCode(400);
  }

  /** An admin API token made through the service (the page is tested above). */
  record ApiTokensFixture(Accounts accounts) {
    String adminToken() {
      return io.quarkus.arc.Arc.container().instance(ApiTokens.class).get().create("fixture-" + System.nanoTime(), "admin", null, "test").secret();
    }
  }
}
