package dev.gatehouse.web.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.auth.Accounts;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.testing.Browser;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.HostileOrganization;
import dev.gatehouse.web.testing.PostgresTestResource;
import dev.gatehouse.web.testing.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The settings, runners and actions pages in a real browser, on data from real scans of the mock GitHub. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class PosturePagesBrowserTest {

  private static final String DEMO = GitHubMockResource.DEMO;

  @Inject Accounts accounts;
  @Inject ScanService scans;

  @Test
  void settingsRunnersAndActionsOfTheDemoOrganization() {
    Scans.runAndWait(scans, DEMO);
    Scans.runAndWait(scans, GitHubMockResource.ORG);
    try (Browser browser = Browser.open()) {
      browser.signInAs(accounts, Roles.VIEWER);

      browser.get("/orgs/" + DEMO + "/settings");
      WebElement allowed = browser.find("#org-settings tr[data-field='allowed_actions']");
      assertThat(allowed.getText()).contains("selected", "all", "deviates", "wider than the policy allows");
      assertThat(browser.find("#org-settings tr[data-field='patterns_allowed']").getText())
          .contains("not evaluated", "not applicable: allowed_actions is all, so there is no allowlist");
      assertThat(browser.find("#overrides tr[data-repository='" + DEMO + "/payments-internal'][data-field='send_write_tokens_to_workflows']")
          .getText()).contains("false", "true", "deviates");
      assertThat(browser.find("#overrides").getText()).contains(DEMO + "/payments-internal");
      assertThat(browser.find("#controls tr[data-control='RUNNER_ISOLATION']").getText()).contains("fail");
      browser.screenshot("settings");

      browser.get("/orgs/" + DEMO + "/runners");
      WebElement gpu = browser.find("tr[data-runner='gpu-box-1']");
      assertThat(gpu.getText()).contains("self-hosted", "Linux", "gpu", "online", "no", "2.330.0", "gpu-lab", "public");
      assertThat(gpu.getAttribute("class")).contains("exposed");
      assertThat(browser.find("#runner-groups tr[data-group='gpu-lab']").getText())
          .contains("selected: " + DEMO + "/gpu-training", "allowed", "reachable from 1 public repository", "any workflow");
      assertThat(browser.find("#repository-runners-not-evaluated").getText())
          .contains("not evaluated", DEMO + "/payments-internal", "GitHub answered HTTP 404 Not Found");
      browser.screenshot("runners");

      browser.get("/orgs/acme/runners");
      assertThat(browser.find("#runners-not-evaluated").getText()).contains("not evaluated", "GitHub answered HTTP 404 Not Found");

      browser.get("/orgs/" + DEMO + "/actions");
      assertThat(browser.find("tr[data-action='actions/checkout']").getText()).contains("actions/checkout", "v4", "tag", "all allowed");
      assertThat(browser.find("tr[data-action='some-org/setup-node-cache']").getText()).contains("main", "branch");
      assertThat(browser.find("#stale-not-evaluated").getText()).contains("allowed_actions is all");
      browser.screenshot("actions");
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }

  @Test
  void hostileNamesStayText() {
    Scans.runAndWait(scans, GitHubMockResource.HOSTILE);
    try (Browser browser = Browser.open()) {
      browser.signInAs(accounts, Roles.VIEWER);
      for (String page : new String[] {"settings", "runners", "actions"}) {
        browser.get("/orgs/" + GitHubMockResource.HOSTILE + "/" + page);
        assertThat(browser.find("h1").getText()).contains(GitHubMockResource.HOSTILE);
      }
      browser.get("/orgs/" + GitHubMockResource.HOSTILE + "/runners");
      assertThat(browser.text()).contains(GitHubMockResource.HOSTILE + "/" + HostileOrganization.SCRIPT_NAME);
      browser.get("/orgs/" + GitHubMockResource.HOSTILE + "/settings");
      assertThat(browser.text()).contains(GitHubMockResource.HOSTILE + "/" + HostileOrganization.ATTRIBUTE_NAME);
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }
}
