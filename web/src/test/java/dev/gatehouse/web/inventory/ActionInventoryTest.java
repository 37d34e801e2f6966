package dev.gatehouse.web.inventory;

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
class ActionInventoryTest {

  private static final String DEMO = GitHubMockResource.DEMO;
  private static boolean scanned;

  @Inject ScanService scans;
  @Inject ActionInventoryService inventory;

  @BeforeEach
  void scanOnce() {
    if (!scanned) {
      Scans.runAndWait(scans, DEMO);
      scanned = true;
    }
  }

  @Test
  void everyActionOfTheDemoOrganizationWithRefsPinsAndRepositories() {
    JsonPath json = given().get("/api/v1/organizations/" + DEMO + "/actions").then().statusCode(200).extract().jsonPath();
    String checkout = "actions.find { it.action == 'actions/checkout' }";
    assertThat(json.getInt(checkout + ".repositories")).isEqualTo(3);
    assertThat(json.getInt(checkout + ".uses")).isEqualTo(4);
    assertThat(json.getString(checkout + ".refs[0].ref")).isEqualTo("v4");
    assertThat(json.getString(checkout + ".refs[0].pin")).isEqualTo("tag");
    // The organization allows all actions: every action is "all allowed", and there is no allowlist to prune.
    assertThat(json.getString("allowedActions")).isEqualTo("all");
    assertThat(json.getList("actions.allowlist")).containsOnly("all_allowed");
    assertThat(json.getString("actions.find { it.action == 'some-org/setup-node-cache' }.refs[0].pin")).isEqualTo("branch");
    assertThat(json.getList("actions.action")).contains("tj-actions/changed-files", "anthropics/claude-code-action",
        "actions/download-artifact", "gatehouse-demo/shared-workflows/.github/workflows/notify.yml");
    assertThat(json.getBoolean("stale.evaluated")).isFalse();
    assertThat(json.getString("stale.note")).contains("allowed_actions is all");
  }

  @Test
  void builtOncePerScan() {
    InventoryView first = inventory.of(DEMO).orElseThrow();
    assertThat(inventory.of(DEMO).orElseThrow()).isSameAs(first);
  }

  @Test
  void thePageFiltersAndShowsVerdicts() {
    String all = page("");
    assertThat(all).contains("<code>actions/checkout</code>", "all allowed", "allowed_actions is all: every action may run",
        "<code>v4</code>", "branch");
    assertThat(page("?show=blocked")).contains("No action matches.").doesNotContain("<code>actions/checkout</code>");
    assertThat(page("?show=not-sha-pinned")).contains("<code>actions/checkout</code>");
    given().accept(ContentType.HTML).get("/orgs/nobody-here/actions").then().statusCode(404);
    given().get("/api/v1/organizations/nobody-here/actions").then().statusCode(404);
  }

  private static String page(String query) {
    return given().accept(ContentType.HTML).get("/orgs/" + DEMO + "/actions" + query).then().statusCode(200).extract().asString();
  }
}
