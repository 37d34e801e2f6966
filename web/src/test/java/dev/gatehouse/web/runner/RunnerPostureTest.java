package dev.gatehouse.web.runner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.alert.AlertEntity;
import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.scan.ScanView;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import dev.gatehouse.web.testing.Scans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class RunnerPostureTest {

  private static final String DEMO = GitHubMockResource.DEMO;
  private static ScanView demoScan;

  @Inject ScanService scans;

  @BeforeEach
  void scanOnce() {
    if (demoScan == null) {
      demoScan = Scans.runAndWait(scans, DEMO);
      Scans.runAndWait(scans, GitHubMockResource.ORG);
    }
  }

  @Test
  void groupsSayWhoCanReachThemAndWhichArePublic() {
    JsonPath json = api(DEMO);
    assertThat(json.getString("groupsReadability.state")).isEqualTo("available");
    assertThat(json.getList("groups.name")).containsExactly("Default", "gpu-lab");
    assertThat(json.getString("groups.find { it.name == 'gpu-lab' }.visibility")).isEqualTo("selected");
    assertThat(json.getList("groups.find { it.name == 'gpu-lab' }.repositories")).containsExactly(DEMO + "/gpu-training");
    assertThat(json.getString("groups.find { it.name == 'gpu-lab' }.exposure")).isEqualTo("exposed");
    assertThat(json.getList("groups.find { it.name == 'gpu-lab' }.publicExamples")).containsExactly(DEMO + "/gpu-training");
    // Default reaches every repository: every active public one can use it (docs-site is archived).
    assertThat(json.getInt("groups.find { it.name == 'Default' }.publicRepositories")).isEqualTo(5);
  }

  @Test
  void runnersCarryLabelsStateVersionAndGroup() {
    JsonPath json = api(DEMO);
    String gpu = "runners.find { it.name == 'gpu-box-1' }";
    assertThat(json.getList(gpu + ".labels")).containsExactly("self-hosted", "Linux", "gpu");
    assertThat(json.getBoolean(gpu + ".ephemeral")).isFalse();
    assertThat(json.getString(gpu + ".status")).isEqualTo("online");
    assertThat(json.getString(gpu + ".version")).isEqualTo("2.330.0");
    assertThat(json.getString(gpu + ".group")).isEqualTo("gpu-lab");
    assertThat(json.getString(gpu + ".exposure")).isEqualTo("exposed");
    assertThat(json.getString("runners.find { it.name == 'build-1' }.status")).isEqualTo("offline");
    // payments-internal's runners answer 404: not evaluated, with GitHub's answer, not "no runners".
    assertThat(json.getInt("repositoriesUnread[0].repositories")).isEqualTo(1);
    assertThat(json.getList("repositoriesUnread[0].examples")).containsExactly(DEMO + "/payments-internal");
    assertThat(json.getString("repositoriesUnread[0].explanation")).startsWith("GitHub answered HTTP 404");
  }

  @Test
  void unreadableRunnerEndpointsAreNotEvaluated() {
    JsonPath json = api("acme");
    assertThat(json.getString("groupsReadability.state")).isEqualTo("unavailable");
    assertThat(json.getInt("groupsReadability.status")).isEqualTo(404);
    assertThat(json.getString("runnersReadability.state")).isEqualTo("unavailable");
    assertThat(json.getList("runners")).isEmpty();
    String html = given().accept(ContentType.HTML).get("/orgs/acme/runners").then().statusCode(200).extract().asString();
    assertThat(html).contains("id=\"groups-not-evaluated\"", "id=\"runners-not-evaluated\"", "GitHub answered HTTP 404 Not Found");
  }

  @Test
  void runnerDriftAlertsAreListedNewestFirstAndOtherAlertsAreNot() {
    String marker = "runner-test-" + System.nanoTime();
    Instant now = Instant.now();
    QuarkusTransaction.requiringNew().run(() -> {
      long org = OrganizationEntity.findByLogin(DEMO).orElseThrow().id;
      alert(org, "runner-registered", DEMO + ":runner:" + marker + "-old", now.minusSeconds(60));
      alert(org, "runner-moved", DEMO + ":runner:" + marker + "-new", now);
      alert(org, "setting-changed", DEMO + ":" + marker + "-setting", now);
    });
    List<String> subjects = api(DEMO).getList("changes.subject");
    assertThat(subjects).contains(DEMO + ":runner:" + marker + "-new", DEMO + ":runner:" + marker + "-old")
        .doesNotContain(DEMO + ":" + marker + "-setting");
    assertThat(subjects.indexOf(DEMO + ":runner:" + marker + "-new")).isLessThan(subjects.indexOf(DEMO + ":runner:" + marker + "-old"));
    String html = given().accept(ContentType.HTML).get("/orgs/" + DEMO + "/runners").then().statusCode(200).extract().asString();
    assertThat(html).contains(marker + "-new", "runner-moved", "gpu-box-1", "2.330.0", "gpu-lab");
  }

  @Test
  void unknownOrganizationsAreNotFound() {
    given().get("/api/v1/organizations/nobody-here/runners").then().statusCode(404);
    given().accept(ContentType.HTML).get("/orgs/nobody-here/runners").then().statusCode(404);
  }

  private static void alert(long org, String kind, String subject, Instant at) {
    AlertEntity a = new AlertEntity();
    a.organizationId = org;
    a.scanId = demoScan.id();
    a.kind = kind;
    a.severity = "medium";
    a.subject = subject;
    a.message = "test alert " + subject;
    a.createdAt = at;
    a.persist();
  }

  private static JsonPath api(String org) {
    return given().get("/api/v1/organizations/" + org + "/runners").then().statusCode(200).extract().jsonPath();
  }
}
