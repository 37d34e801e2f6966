package dev.gatehouse.web.rule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class RulePageTest {

  @Test
  void catalogueListsEveryRuleWithItsMetadata() {
    String html = given().accept(ContentType.HTML).get("/rules").then().statusCode(200).extract().asString();
    assertThat(html.split("data-rule-id=\"", -1)).hasSize(RuleRegistry.all().size() + 1);
    assertThat(html).contains("<a href=\"/rules/template-injection\"><code>template-injection</code></a>",
        RuleRegistry.info("known-compromised-action").summary(), "<span class=\"sev sev-critical\">critical</span>");
  }

  @Test
  void rulePageRendersItsDocs() {
    Response r = given().accept(ContentType.HTML).get("/rules/template-injection");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(r.asString()).contains("<title>template-injection · Rules · Gatehouse</title>", "<h2>What it detects</h2>",
        "<code class=\"language-yaml\">", "TITLE: ${{ github.event.issue.title }}",
        // With one organization configured, the rule links to its findings there.
        "href=\"/orgs/acme/findings?rule=template-injection&amp;status=all\"");
  }

  @Test
  void unknownRuleIsANotFoundPage() {
    Response r = given().accept(ContentType.HTML).get("/rules/no-such-rule");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("text/html");
    assertThat(r.asString()).contains("No rule no-such-rule.");
  }
}
