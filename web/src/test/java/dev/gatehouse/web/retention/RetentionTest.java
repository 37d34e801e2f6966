package dev.gatehouse.web.retention;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class RetentionTest {

  @Inject
  Retention retention;

  @Inject
  EntityManager em;

  long scalar(String sql) {
    return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
  }

  long scanAcme() throws InterruptedException {
    long id = given().contentType(ContentType.JSON).body(Map.of("organization", "acme")).post("/api/v1/scans")
        .then().extract().jsonPath().getLong("id");
    for (int i = 0; i < 300 && !"completed".equals(given().get("/api/v1/scans/" + id).then().extract().jsonPath().getString("status")); i++) {
      Thread.sleep(100);
    }
    return id;
  }

  @Test
  void oldSnapshotsArePrunedButTheLatestScanAndStatisticsStay() throws Exception {
    long old = scanAcme();
    long latest = scanAcme();
    assertThat(scalar("select count(*) from repo_snapshot where scan_id = " + old)).isPositive();
    assertThat(scalar("select count(*) from workflow_blob")).isPositive();
    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
        "insert into workflow_blob (sha, content) values ('orphan-blob', 'on: push')").executeUpdate());

    Retention.Pruned pruned = retention.prune(Instant.now().plusSeconds(60));
    assertThat(pruned.blobs()).isPositive();
    assertThat(scalar("select count(*) from workflow_blob where sha = 'orphan-blob'")).isZero();
    // Exactly the contents some remaining snapshot names are kept: none missing, none extra.
    String named = "select distinct f ->> 'blobSha' from repo_snapshot r, jsonb_array_elements(r.snapshot -> 'files' -> 'value') f "
        + "where jsonb_typeof(r.snapshot -> 'files' -> 'value') = 'array' and f ->> 'blobSha' is not null";
    assertThat(scalar("select count(*) from (" + named + ") n(sha) where not exists (select 1 from workflow_blob b where b.sha = n.sha)"))
        .isZero();
    assertThat(scalar("select count(*) from workflow_blob b where b.sha not in (" + named + ")")).isZero();
    assertThat(pruned.repoSnapshots()).isPositive();
    assertThat(scalar("select count(*) from repo_snapshot where scan_id = " + old)).isZero();
    assertThat(scalar("select count(*) from org_snapshot where scan_id = " + old)).isZero();
    assertThat(scalar("select count(*) from repo_snapshot where scan_id = " + latest)).isPositive();
    assertThat(scalar("select count(*) from org_snapshot where scan_id = " + latest)).isEqualTo(1);
    // Statistics and history stay; contents the latest scan refers to stay.
    assertThat(scalar("select count(*) from scan where id = " + old + " and requests is not null")).isEqualTo(1);
    assertThat(scalar("select count(*) from finding")).isPositive();
    assertThat(scalar("select count(*) from workflow_blob")).isPositive();

    Retention.Pruned again = retention.prune(Instant.now().plusSeconds(60));
    assertThat(again).isEqualTo(new Retention.Pruned(0, 0, 0));
  }
}
