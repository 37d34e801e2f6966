package dev.gatehouse.web.repo;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class RepositoryPageTest {

  @Test
  void listsStoredRepositoriesWithNamesEscaped() throws Exception {
    long id = given().contentType(ContentType.JSON).body(Map.of("organization", "acme"))
        .post("/api/v1/scans").then().extract().jsonPath().getLong("id");
    ScanAwait.finished(id);

    Response page = given().accept(ContentType.HTML).get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.asString();
    assertThat(html).contains("acme/service-007", "acme/service-250");
    assertThat(html).contains("acme/&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).doesNotContain(GitHubMockResource.HOSTILE_NAME);
    assertThat(html).doesNotContain("<script");
    assertThat(html).contains("<code>trunk</code>", "private", "archived", "href=\"/orgs/acme/findings\"");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
  }

  @Test
  void healthIncludesTheDatabase() {
    given().get("/q/health/live").then().statusCode(200);
    String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
    assertThat(ready).contains("\"status\": \"UP\"").contains("Database connections health check");
  }
}
