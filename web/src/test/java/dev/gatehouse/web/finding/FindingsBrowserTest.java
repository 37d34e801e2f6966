package dev.gatehouse.web.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.auth.Accounts;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.testing.Browser;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import dev.gatehouse.web.testing.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The findings explorer and a rule page in a real browser, over a real scan of the demo organization. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class FindingsBrowserTest {

  @Inject
  Accounts accounts;

  @Inject
  ScanService scans;

  private static long shown(Browser browser, String severity) {
    return Long.parseLong(browser.find(".sev-count[data-severity='" + severity + "'] strong").getText());
  }

  @Test
  void filterTheDemoFindingsBySeverityThenReadTheRule() {
    assertThat(Scans.runAndWait(scans, GitHubMockResource.DEMO).status()).isEqualTo("completed");
    try (Browser browser = Browser.open()) {
      browser.signInAs(accounts, Roles.VIEWER);
      browser.get("/orgs/" + GitHubMockResource.DEMO + "/findings");
      assertThat(browser.find("h1").getText()).isEqualTo("Findings");
      List<WebElement> rows = browser.findAll("#findings tbody tr");
      assertThat(rows).isNotEmpty();
      assertThat(browser.text()).contains("web-storefront", "on GitHub");
      browser.screenshot("findings");

      // Pick a severity that narrows the list: fewer rows, all of that severity, as many as its count said.
      String severity = List.of("critical", "high", "medium", "low").stream()
          .filter(s -> shown(browser, s) > 0 && shown(browser, s) < shown(browser, "all")).findFirst().orElseThrow();
      long expected = Math.min(shown(browser, severity), FindingsPage.PAGE_SIZE);
      new Select(browser.find("#filter-severity")).selectByValue(severity);
      browser.submit("#apply-filters");
      browser.waitFor(d -> d.getCurrentUrl().contains("severity=" + severity));
      List<WebElement> narrowed = browser.findAll("#findings tbody tr");
      assertThat(narrowed).hasSize((int) expected).hasSizeLessThan(rows.size() + 1);
      assertThat(narrowed).allSatisfy(r -> assertThat(r.getAttribute("data-severity")).isEqualTo(severity));
      assertThat(browser.find(".sev-count.selected").getAttribute("data-severity")).isEqualTo(severity);
      assertThat(new Select(browser.find("#filter-severity")).getFirstSelectedOption().getText()).isEqualTo(severity);

      WebElement rule = browser.find("#findings tbody tr a.rule");
      String ruleId = rule.getText();
      browser.submit(rule);
      browser.waitFor(d -> d.getCurrentUrl().endsWith("/rules/" + ruleId));
      assertThat(browser.find("#rule-doc h1").getText()).isEqualTo(ruleId);
      assertThat(browser.find("#rule-doc").getText()).contains("What it detects", "Remediation");
      browser.get("/rules/template-injection");
      assertThat(browser.find("#rule-doc h1").getText()).isEqualTo("template-injection");
      browser.screenshot("rule");
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }
}
