package dev.gatehouse.web.posture;

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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class SettingsPostureTest {

  private static final String DEMO = GitHubMockResource.DEMO;

  private static boolean scanned;

  @Inject ScanService scans;

  @BeforeEach
  void scanOnce() {
    if (!scanned) {
      Scans.runAndWait(scans, DEMO);
      Scans.runAndWait(scans, GitHubMockResource.ORG);
      scanned = true;
    }
  }

  @Test
  void organizationSettingsAreJudgedAgainstTheStrictDefaultPolicy() {
    JsonPath json = given().get("/api/v1/organizations/" + DEMO + "/settings").then().statusCode(200).extract().jsonPath();
    assertThat(json.getString("policySource")).isEqualTo("bundled default-policy.yml");
    assertSetting(json, "allowed_actions", "selected", "all", "deviates");
    assertSetting(json, "default_workflow_permissions", "read", "write", "deviates");
    assertSetting(json, "can_approve_pull_request_reviews", "false", "true", "deviates");
    assertSetting(json, "approval_policy", "all_external_contributors", "first_time_contributors", "deviates");
    assertSetting(json, "sha_pinning_required", "true", "false", "deviates");
    assertSetting(json, "send_write_tokens_to_workflows", "false", "false", "compliant");
    assertSetting(json, "send_secrets_and_variables", "false", "true", "deviates");
    // The strict default takes no position on which repositories may run Actions.
    assertSetting(json, "enabled_repositories", null, "all", "no_policy");
    // No allowlist exists in "all" mode: shown as not evaluated, with GitHub's reason, never as compliant.
    assertThat(field(json, "patterns_allowed", "status")).isEqualTo("not_evaluated");
    assertThat(field(json, "patterns_allowed", "note")).isEqualTo("not applicable: allowed_actions is all, so there is no allowlist");
    assertThat(field(json, "patterns_allowed", "readability.state")).isEqualTo("not_applicable");
  }

  @Test
  void repositoriesThatOverrideTheOrganizationAreListedWithBothValues() {
    JsonPath json = given().get("/api/v1/organizations/" + DEMO + "/settings").then().statusCode(200).extract().jsonPath();
    String payments = "overrides.find { it.repository == '" + DEMO + "/payments-internal' }.settings";
    assertThat(json.getString(payments + ".find { it.field == 'send_write_tokens_to_workflows' }.organization")).isEqualTo("false");
    assertThat(json.getString(payments + ".find { it.field == 'send_write_tokens_to_workflows' }.repository")).isEqualTo("true");
    assertThat(json.getBoolean(payments + ".find { it.field == 'send_write_tokens_to_workflows' }.deviates")).isTrue();
    // Stricter than the organization and the policy: an override, not a deviation.
    String storefront = "overrides.find { it.repository == '" + DEMO + "/web-storefront' }.settings";
    assertThat(json.getString(storefront + ".find { it.field == 'can_approve_pull_request_reviews' }.repository")).isEqualTo("false");
    assertThat(json.getBoolean(storefront + ".find { it.field == 'can_approve_pull_request_reviews' }.deviates")).isFalse();
    // Archived repositories' settings do not apply, so they neither override nor count as unread.
    assertThat(json.getList("overrides.repository")).doesNotContain(DEMO + "/docs-site");
  }

  @Test
  void unreadableSettingsAreNotEvaluatedWithGitHubsAnswer() {
    JsonPath json = given().get("/api/v1/organizations/acme/settings").then().statusCode(200).extract().jsonPath();
    assertThat(field(json, "approval_policy", "status")).isEqualTo("not_evaluated");
    assertThat(field(json, "approval_policy", "note")).startsWith("GitHub answered HTTP 404 Not Found");
    assertThat(field(json, "approval_policy", "readability.status")).isEqualTo("404");
    assertThat(field(json, "default_workflow_permissions", "status")).isEqualTo("compliant");
    assertThat(json.getList("settings.status")).doesNotContainNull();
    // The mock serves no repository settings for acme: compared with nothing, counted, not silently skipped.
    assertThat(json.getInt("notCompared.find { it.explanation.startsWith('GitHub answered HTTP 404') }.repositories")).isGreaterThan(200);
    assertThat(json.getList("overrides")).isEmpty();
  }

  @Test
  void thePageShowsVerdictsReasonsOverridesAndControls() {
    String html = given().accept(ContentType.HTML).get("/orgs/acme/settings").then().statusCode(200).extract().asString();
    assertThat(html).doesNotContain("{#include");
    assertThat(html).contains("GitHub answered HTTP 404 Not Found", "not evaluated", "Compliance controls",
        "Self-hosted and GPU runners are gated and isolated", "Not compared");
    String demo = given().accept(ContentType.HTML).get("/orgs/" + DEMO + "/settings").then().statusCode(200).extract().asString();
    assertThat(demo).contains(DEMO + "/payments-internal", "send_write_tokens_to_workflows", "deviates", "compliant");
    given().accept(ContentType.HTML).get("/orgs/nobody-here/settings").then().statusCode(404);
    given().get("/api/v1/organizations/nobody-here/settings").then().statusCode(404);
  }

  @Test
  void routesBesideTheOrganizationsApi() {
    given().get("/api/v1/organizations/" + DEMO + "/repositories").then().statusCode(200);
    given().get("/api/v1/organizations/" + DEMO).then().statusCode(200);
    given().get("/api/v1/organizations/" + DEMO + "/settings").then().statusCode(200);
  }

  private static void assertSetting(JsonPath json, String field, String expected, String actual, String status) {
    assertThat(field(json, field, "expected")).as(field + " expected").isEqualTo(expected);
    assertThat(field(json, field, "actual")).as(field + " actual").isEqualTo(actual);
    assertThat(field(json, field, "status")).as(field + " status").isEqualTo(status);
  }

  private static String field(JsonPath json, String field, String property) {
    return json.getString("settings.find { it.field == '" + field + "' }." + property);
  }
}
