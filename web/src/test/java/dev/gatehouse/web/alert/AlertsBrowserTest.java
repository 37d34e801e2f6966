package dev.gatehouse.web.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.auth.Accounts;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.auth.Sessions;
import dev.gatehouse.web.finding.FindingFixtures;
import dev.gatehouse.web.testing.Browser;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/** The alerts timeline in a real browser: an admin acknowledges through the form; a viewer cannot. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class AlertsBrowserTest {

  @Inject
  Accounts accounts;

  @Inject
  EntityManager em;

  FindingFixtures org;
  long runner;
  long setting;

  @BeforeEach
  void seed() {
    org = FindingFixtures.organization("browser-alerts");
    runner = AlertFixtures.alert(org, "runner-registered", "high", org.login + ":runner:gpu-<script>window.__pwned=1</script>",
        null, "self-hosted,gpu", "Self-hosted runner gpu-1 registered in group default", "2026-11-25T09:30:00Z", null);
    setting = AlertFixtures.alert(org, "setting-changed", "critical", org.login, "default_workflow_permissions: read",
        "default_workflow_permissions: write", "The default workflow token became writable", "2026-11-26T07:10:00Z", null);
    AlertFixtures.alert(org, "new-repository", "info", org.login + "/docs-site", null, "public",
        "New public repository docs-site", "2026-11-24T16:00:00Z", "bob");
  }

  private String acknowledgedBy(long id) {
    return QuarkusTransaction.requiringNew().call(() -> em.find(AlertEntity.class, id).acknowledgedBy);
  }

  @Test
  void anAdminAcknowledgesWithANote() {
    try (Browser browser = Browser.open()) {
      browser.signInAs(accounts, Roles.ADMIN);
      String admin = browser.find("#current-user").getText();
      browser.get("/orgs/" + org.login + "/alerts");
      assertThat(browser.findAll(".day h2")).extracting(e -> e.getText()).containsExactly("2026-11-26", "2026-11-25", "2026-11-24");
      assertThat(browser.findAll(".ack-form")).hasSize(2);

      String card = "#alert-" + runner;
      browser.find(card + " textarea[name=note]").sendKeys("GPU lane planned, ticket SEC-42");
      browser.submit(card + " button[type=submit]");
      browser.waitFor(d -> d.getCurrentUrl().contains("done=acknowledged"));
      assertThat(browser.find("#flash").getText()).isEqualTo("Alert " + runner + " acknowledged.");
      assertThat(browser.find(card + " .ack-by").getText()).isEqualTo(admin);
      assertThat(browser.find(card + " .ack-note").getText()).isEqualTo("GPU lane planned, ticket SEC-42");
      assertThat(browser.find(card + " .ack-at").getText()).endsWith("UTC");
      assertThat(browser.findAll(card + " .ack-form")).isEmpty();
      assertThat(browser.findAll(".ack-form")).hasSize(1);
      assertThat(acknowledgedBy(runner)).isEqualTo(admin);
      ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
      browser.screenshot("alerts");
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }

  @Test
  void aViewerSeesNoFormAndTheirPostIsRefused() {
    try (Browser browser = Browser.open()) {
      browser.signInAs(accounts, Roles.VIEWER);
      browser.get("/orgs/" + org.login + "/alerts");
      assertThat(browser.find("#alert-" + setting).getText()).contains("The default workflow token became writable",
          "default_workflow_permissions: write");
      assertThat(browser.findAll(".ack-form")).isEmpty();
      assertThat(browser.findAll("textarea")).isEmpty();

      // The same POST the form would send, with this viewer's session and a valid CSRF token.
      String session = browser.driver().manage().getCookieNamed(Sessions.COOKIE).getValue();
      String csrfCookie = browser.driver().manage().getCookieNamed("csrf-token").getValue();
      String csrfField = browser.find("form.who input[name=csrf-token]").getAttribute("value");
      int status = given().cookie(Sessions.COOKIE, session).cookie("csrf-token", csrfCookie)
          .formParam("csrf-token", csrfField).formParam("note", "viewer says fine").redirects().follow(false)
          .post("/orgs/" + org.login + "/alerts/" + setting + "/acknowledge").statusCode();
      assertThat(status).isEqualTo(403);
      assertThat(acknowledgedBy(setting)).isNull();
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }
}
