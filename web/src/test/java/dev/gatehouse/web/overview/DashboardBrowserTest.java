package dev.gatehouse.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.auth.Accounts;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.demo.DemoGitHubServer;
import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.testing.Browser;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.HostileOrganization;
import dev.gatehouse.web.testing.InjectGitHubMock;
import dev.gatehouse.web.testing.PostgresTestResource;
import dev.gatehouse.web.testing.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The overview and repository pages in a real Chromium, signed in through the real form. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class DashboardBrowserTest {

  @Inject Accounts accounts;
  @Inject ScanService scans;
  @InjectGitHubMock DemoGitHubServer github;

  @Test
  void scanNowShowsLiveProgressThenTheResult() {
    Scans.runAndWait(scans, GitHubMockResource.DEMO); // a baseline, so the trend has a bar before the new scan
    github.latency(Duration.ofMillis(40)); // slow enough to watch the progress bar move
    try (Browser browser = Browser.open().signInAs(accounts, Roles.ADMIN)) {
      browser.get("/orgs/" + GitHubMockResource.DEMO);
      browser.find("#scan-now").click();
      WebElement progress = browser.waitFor(d -> d.findElements(By.id("scan-progress")).stream().findFirst().orElse(null));
      assertThat(progress.getAttribute("max")).isNotEqualTo("0");
      assertThat(browser.find(".flash").getText()).containsPattern("Scan \\d+ (started|is already running)");
      browser.waitFor(d -> d.findElements(By.cssSelector("#last-scan[data-status='completed']")).size() == 1
          && d.findElements(By.id("scan-running")).isEmpty());
      github.latency(Duration.ZERO);
      assertThat(browser.findAll("svg.trend g.bar")).hasSizeGreaterThanOrEqualTo(2);
      assertThat(browser.findAll("#controls tbody tr")).hasSizeGreaterThan(3);
      assertThat(Integer.parseInt(browser.find("#severity-cards .sev-critical .n").getText())).isPositive();
      browser.screenshot("overview");
      assertThat(browser.scriptEvents()).isEmpty();
    } finally {
      github.latency(Duration.ZERO);
    }
  }

  @Test
  void repositoriesFilterAndOpenARepositoryWithItsFindingsInContext() {
    Scans.runAndWait(scans, GitHubMockResource.DEMO);
    try (Browser browser = Browser.open().signInAs(accounts, Roles.VIEWER)) {
      browser.get("/orgs/" + GitHubMockResource.DEMO + "/repositories");
      int all = browser.findAll("#repositories tbody tr").size();
      new Select(browser.find("select[name=selfHosted]")).selectByValue("yes");
      browser.submit("#repo-filters button[type=submit]");
      browser.waitFor(d -> d.getCurrentUrl().contains("selfHosted=yes"));
      List<WebElement> selfHosted = browser.findAll("#repositories tbody tr");
      assertThat(selfHosted).isNotEmpty().hasSizeLessThan(all);
      browser.get("/orgs/" + GitHubMockResource.DEMO + "/repositories");
      browser.screenshot("repositories");
      browser.submit(browser.findAll("#repositories tbody tr td.name a").get(0));
      browser.waitFor(d -> d.findElements(By.id("repo-name")).size() == 1);
      assertThat(browser.findAll("#settings tbody tr")).isNotEmpty();
      assertThat(browser.findAll("#workflows tbody tr")).isNotEmpty();
      assertThat(browser.findAll("pre.code .ln.hit")).isNotEmpty();
      browser.screenshot("repository");
      assertThat(browser.text()).doesNotContain("Scan now"); // viewers see no admin action
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }

  @Test
  void aHostileOrganizationRunsNoScriptAnywhere() {
    Scans.runAndWait(scans, HostileOrganization.LOGIN);
    try (Browser browser = Browser.open().signInAs(accounts, Roles.ADMIN)) {
      browser.get("/orgs/" + HostileOrganization.LOGIN);
      browser.get("/orgs/" + HostileOrganization.LOGIN + "/repositories");
      String list = browser.text();
      assertThat(list).contains(HostileOrganization.SCRIPT_NAME, HostileOrganization.ATTRIBUTE_NAME, HostileOrganization.BRACES_NAME);
      List<String> pages = browser.findAll("#repositories tbody tr td.name a").stream().map(a -> a.getAttribute("href")).toList();
      assertThat(pages).as(list).hasSize(3);
      for (String page : pages) {
        browser.driver().get(page);
        browser.waitFor(d -> d.findElements(By.id("repo-name")).size() == 1);
        assertThat(browser.text()).contains("<script>window.__pwned='run'</script>"); // shown as text in the code context
        assertThat(browser.findAll("img")).isEmpty();
        assertThat(browser.scriptEvents()).as(page).isEmpty();
      }
      assertThat(browser.text()).contains("'{{ 7*7 }}'").doesNotContain("'49'"); // no template evaluated GitHub's text
      for (String path : List.of("/orgs/" + HostileOrganization.LOGIN + "/findings", "/orgs/" + HostileOrganization.LOGIN + "/alerts",
          "/orgs/" + HostileOrganization.LOGIN + "/settings", "/orgs/" + HostileOrganization.LOGIN + "/actions")) {
        browser.get(path);
        assertThat(browser.findAll("img")).as(path).isEmpty();
        assertThat(browser.scriptEvents()).as(path).isEmpty();
      }
    }
  }
}
