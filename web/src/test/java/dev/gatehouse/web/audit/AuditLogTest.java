package dev.gatehouse.web.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class AuditLogTest {

  @Inject AuditLog audit;

  @Test
  void cursorPagesWalkTheFilteredLogNewestFirstWithoutGapsOrRepeats() {
    String actor = "auditor-" + System.nanoTime();
    for (int i = 0; i < 7; i++) {
      audit.record(actor, i % 2 == 0 ? "test.even" : "test.odd", "subject " + i, "details " + i);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonPath page = given().queryParam("actor", actor).queryParam("limit", 3).queryParam("cursor", cursor == null ? "" : cursor)
          .get("/api/v1/audit-log").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.subject"));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("subject 6", "subject 5", "subject 4", "subject 3", "subject 2", "subject 1", "subject 0");

    JsonPath odd = given().queryParam("actor", actor).queryParam("action", "test.odd").get("/api/v1/audit-log").jsonPath();
    assertThat(odd.getList("items.subject")).containsExactly("subject 5", "subject 3", "subject 1");
    assertThat(odd.getString("nextCursor")).isNull();
    assertThat(odd.getString("items[0].details")).isEqualTo("details 5");
    assertThat(odd.getString("items[0].at")).isNotNull();
  }

  @Test
  void limitsAndCursorsAreChecked() {
    given().queryParam("limit", 501).get("/api/v1/audit-log").then().statusCode(400);
    given().queryParam("limit", 0).get("/api/v1/audit-log").then().statusCode(400);
    given().queryParam("cursor", "not-a-cursor!").get("/api/v1/audit-log").then().statusCode(400)
        .body("error", org.hamcrest.Matchers.equalTo("cursor is not one this API returned"));
    given().queryParam("cursor", "bm90LWFuLWlk").get("/api/v1/audit-log").then().statusCode(400);
  }

  @Test
  void thePageFiltersByActionAndActorAndEscapesWhatItShows() {
    String actor = "page-auditor-" + System.nanoTime();
    audit.record(actor, "test.page", "<b>subject</b>", "details & more");
    audit.record("someone-else", "test.page", "other", null);
    String html = given().accept(ContentType.HTML).queryParam("actor", actor).get("/audit-log").then().statusCode(200)
        .extract().asString();
    assertThat(html).contains(actor, "&lt;b&gt;subject&lt;/b&gt;", "details &amp; more", "<option value=\"test.page\"")
        .doesNotContain("<b>subject</b>", ">other<");
    given().accept(ContentType.HTML).queryParam("cursor", "bad").get("/audit-log").then().statusCode(400);
  }
}
