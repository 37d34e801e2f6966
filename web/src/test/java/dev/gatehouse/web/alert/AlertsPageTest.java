package dev.gatehouse.web.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.finding.FindingFixtures;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alerts timeline, and acknowledgement through its form: admins only, with a note, then back to the same view. */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "viewer-vic", roles = {"viewer"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class AlertsPageTest {

  @Inject
  EntityManager em;

  FindingFixtures org;
  long older;
  long newer;
  long acknowledged;

  @BeforeEach
  void seed() {
    org = FindingFixtures.organization("page-alerts");
    older = AlertFixtures.alert(org, "runner-registered", "high", org.login + ":runner:<b>gpu</b>", null, "self-hosted,gpu",
        "Self-hosted runner <script>window.__pwned=1</script> registered", "2026-11-20T09:00:00Z", null);
    newer = AlertFixtures.alert(org, "setting-changed", "critical", org.login, "read", "write",
        "The default workflow token became writable", "2026-11-20T15:00:00Z", null);
    acknowledged = AlertFixtures.alert(org, "new-repository", "info", org.login + "/new-repo", null, "public",
        "New public repository", "2026-11-22T08:00:00Z", "bob");
  }

  private String page(String query) {
    Response r = given().accept(ContentType.HTML).get("/orgs/" + org.login + "/alerts" + query);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.asString();
  }

  /** Posts the acknowledge form with the CSRF token a page handed out. */
  private Response acknowledge(long id, String note) {
    Response form = given().accept(ContentType.HTML).get("/orgs/" + org.login + "/alerts");
    Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
    assertThat(token.find()).isTrue();
    return given().cookie("csrf-token", form.cookie("csrf-token")).formParam("csrf-token", token.group(1))
        .formParam("note", note).formParam("open", "true").redirects().follow(false)
        .post("/orgs/" + org.login + "/alerts/" + id + "/acknowledge");
  }

  private String acknowledgedBy(long id) {
    return QuarkusTransaction.requiringNew().call(() -> em.find(AlertEntity.class, id).acknowledgedBy);
  }

  @Test
  void timelineGroupsByDayNewestFirstAndShowsWhoAcknowledged() {
    String html = page("");
    assertThat(html.indexOf("data-day=\"2026-11-22\"")).isPositive().isLessThan(html.indexOf("data-day=\"2026-11-20\""));
    assertThat(html.indexOf("data-alert-id=\"" + newer + "\"")).isLessThan(html.indexOf("data-alert-id=\"" + older + "\""));
    assertThat(html).contains("Acknowledged by <strong class=\"ack-by\">bob</strong>", "expected: the team created it",
        "<code>read</code>", "<code>write</code>", "scan " + org.scanId);
    assertThat(html).contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", "&lt;b&gt;gpu&lt;/b&gt;")
        .doesNotContain("<script>window", "<b>gpu");
    // A viewer gets no acknowledge form.
    assertThat(html).doesNotContain("ack-form", "/acknowledge\"");
  }

  @Test
  void filtersNarrowTheTimeline() {
    String open = page("?open=true");
    assertThat(open).contains("data-alert-id=\"" + older + "\"", "data-alert-id=\"" + newer + "\"")
        .doesNotContain("data-alert-id=\"" + acknowledged + "\"");
    assertThat(open).contains("<option value=\"true\" selected>");
    String kind = page("?kind=setting-changed&severity=critical");
    assertThat(kind).contains("data-alert-id=\"" + newer + "\"").doesNotContain("data-alert-id=\"" + older + "\"")
        .contains("<option value=\"setting-changed\" selected>", "<option value=\"critical\" selected>");
    assertThat(page("?open=false&kind=runner-registered")).contains("No alerts match these filters.");
  }

  @Test
  void aViewerCannotAcknowledge() {
    assertThat(acknowledge(older, "looks fine to me").statusCode()).isEqualTo(403);
    assertThat(acknowledgedBy(older)).isNull();
  }

  @Test
  @TestSecurity(authMechanism = "gatehouse", user = "admin-ada", roles = {"viewer", "admin"})
  void anAdminAcknowledgesWithANoteAndReturnsToTheSameView() {
    assertThat(page("")).contains("class=\"ack-form\"", "action=\"/orgs/" + org.login + "/alerts/" + older + "/acknowledge\"");
    Response r = acknowledge(older, "GPU lane planned, ticket SEC-42");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.header("Location")).endsWith("/orgs/" + org.login + "/alerts?open=true&done=acknowledged&alert=" + older
        + "#alert-" + older);
    assertThat(acknowledgedBy(older)).isEqualTo("admin-ada");
    String after = page("?open=true&done=acknowledged&alert=" + older);
    assertThat(after).contains("Alert " + older + " acknowledged.").doesNotContain("data-alert-id=\"" + older + "\"");
    assertThat(page("")).contains("Acknowledged by <strong class=\"ack-by\">admin-ada</strong>", "GPU lane planned, ticket SEC-42");
    Object[] audit = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
        "select actor, details from audit_log where action = 'alert.acknowledge' order by id desc limit 1").getSingleResult());
    assertThat(audit).containsExactly("admin-ada", "GPU lane planned, ticket SEC-42");
  }

  @Test
  @TestSecurity(authMechanism = "gatehouse", user = "admin-ada", roles = {"viewer", "admin"})
  void aBlankNoteOrAnotherOrganizationsAlertIsNotAcknowledged() {
    Response blank = acknowledge(newer, "   ");
    assertThat(blank.statusCode()).isEqualTo(303);
    assertThat(blank.header("Location")).contains("done=note-missing");
    assertThat(acknowledgedBy(newer)).isNull();
    assertThat(page("?done=note-missing&alert=" + newer)).contains("an acknowledgement needs a note");

    FindingFixtures other = FindingFixtures.organization("page-alerts-other");
    long theirs = AlertFixtures.alert(other, "setting-changed", "high", other.login, "a", "b", "theirs", "2026-11-21T00:00:00Z", null);
    assertThat(acknowledge(theirs, "not mine to acknowledge").statusCode()).isEqualTo(404);
    assertThat(acknowledgedBy(theirs)).isNull();
    assertThat(acknowledge(acknowledged, "again").header("Location")).contains("done=already");
    assertThat(acknowledgedBy(acknowledged)).isEqualTo("bob");
  }
}
