package dev.gatehouse.web.exception;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.auth.Accounts;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.auth.Sessions;
import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.testing.Browser;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import dev.gatehouse.web.testing.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Exceptions and the audit log in a real browser: an admin grants and expires; a viewer can do neither. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class ExceptionsBrowserTest {

  private static final String ORG = GitHubMockResource.DEMO;
  private static boolean scanned;

  @Inject Accounts accounts;
  @Inject ScanService scans;
  @Inject Exceptions exceptions;

  @BeforeEach
  void organizationKnown() {
    if (!scanned) {
      Scans.runAndWait(scans, ORG);
      scanned = true;
    }
  }

  @Test
  void anAdminGrantsThenExpiresAnExceptionAndTheAuditLogShowsBoth() {
    String repo = ORG + "/browser-" + System.nanoTime();
    try (Browser browser = Browser.open()) {
      browser.signInAs(accounts, Roles.ADMIN);
      String admin = browser.find("#current-user").getText();
      browser.get("/orgs/" + ORG + "/exceptions");
      new Select(browser.find("#rule")).selectByValue("runner-non-ephemeral");
      browser.find("#repository").sendKeys(repo);
      browser.find("#owner").sendKeys("gpu team");
      browser.find("#reason").sendKeys("The GPU box is reimaged nightly; ephemeral runners are planned for Q1.");
      setDate(browser, LocalDate.now(ZoneOffset.UTC).plusMonths(3));
      browser.submit("#grant-submit");
      browser.waitFor(d -> d.getCurrentUrl().endsWith("done=created"));
      assertThat(browser.find("#flash").getText()).isEqualTo("Exception granted. It takes effect at the next scan.");
      WebElement row = row(browser, repo);
      assertThat(row.getText()).contains("runner-non-ephemeral", "gpu team", "reimaged nightly", admin).doesNotContain("expired");
      browser.screenshot("exceptions");

      browser.submit(row.findElement(By.cssSelector("button.expire")));
      browser.waitFor(d -> d.getCurrentUrl().endsWith("done=expired"));
      WebElement expired = row(browser, repo);
      assertThat(expired.getText()).contains("expired");
      assertThat(expired.findElements(By.cssSelector("button.expire"))).isEmpty();

      browser.get("/audit-log");
      new Select(browser.find("#filter-action")).selectByValue("exception.created");
      browser.find("#filter-actor").sendKeys(admin);
      browser.submit("#filter-submit");
      browser.waitFor(d -> d.getCurrentUrl().contains("action=exception.created"));
      assertThat(browser.find("#audit-log").getText()).contains(admin, "exception.created", "runner-non-ephemeral " + repo)
          .doesNotContain("exception.expired");
      browser.get("/audit-log?actor=" + admin);
      assertThat(browser.findAll("#audit-log tbody tr")).extracting(r -> r.findElement(By.cssSelector("code")).getText())
          .containsSubsequence("exception.expired", "exception.created");
      browser.screenshot("audit-log");
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }

  @Test
  void aViewerSeesNoFormsAndItsPostsAreRefused() {
    String repo = ORG + "/viewer-" + System.nanoTime();
    ExceptionView granted = exceptions.create(new ExceptionRequest(ORG, "unpinned-action", repo, null, "ci team", "vendored",
        LocalDate.now(ZoneOffset.UTC).plusDays(20).toString()), "test");
    try (Browser browser = Browser.open()) {
      browser.signInAs(accounts, Roles.VIEWER);
      browser.get("/orgs/" + ORG + "/exceptions");
      assertThat(row(browser, repo).getText()).contains("unpinned-action", "ci team");
      assertThat(browser.findAll("#grant")).isEmpty();
      assertThat(browser.findAll("button.expire")).isEmpty();

      // The viewer's own session and a valid CSRF token: refused for the role, not for the form.
      String session = browser.driver().manage().getCookieNamed(Sessions.COOKIE).getValue();
      String csrfCookie = browser.driver().manage().getCookieNamed("csrf-token").getValue();
      String token = browser.find("input[name='csrf-token']").getAttribute("value");
      given().cookie(Sessions.COOKIE, session).cookie("csrf-token", csrfCookie).formParam("csrf-token", token)
          .formParam("rule", "unpinned-action").formParam("repository", repo + "-2").formParam("owner", "x").formParam("reason", "x")
          .formParam("expires", LocalDate.now(ZoneOffset.UTC).plusDays(5).toString()).redirects().follow(false)
          .post("/orgs/" + ORG + "/exceptions").then().statusCode(403);
      given().cookie(Sessions.COOKIE, session).cookie("csrf-token", csrfCookie).formParam("csrf-token", token).redirects().follow(false)
          .post("/orgs/" + ORG + "/exceptions/" + granted.id() + "/expire").then().statusCode(403);
      browser.get("/orgs/" + ORG + "/exceptions");
      assertThat(row(browser, repo).getText()).doesNotContain("expired");
      assertThat(browser.text()).doesNotContain(repo + "-2");
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }

  private static WebElement row(Browser browser, String repo) {
    return browser.findAll("#exceptions tbody tr").stream().filter(r -> r.getText().contains(repo)).findFirst()
        .orElseThrow(() -> new AssertionError("no exception row for " + repo));
  }

  /** Date inputs take keystrokes in the browser's locale format; setting the value is what a date picker does. */
  private static void setDate(Browser browser, LocalDate date) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find("#expires"), date.toString());
  }
}
