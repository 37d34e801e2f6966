package dev.gatehouse.web.alert;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.policy.PolicyAudit;
import dev.gatehouse.web.scan.ScanEntity;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Acknowledging an alert needs a note, records who and when, and goes to the audit log; so does a policy change. */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class AlertAuditTest {

  @Inject
  EntityManager em;

  @Inject
  PolicyAudit policyAudit;

  @Test
  @TestSecurity(authMechanism = "gatehouse", user = "alice", roles = {"viewer", "admin"})
  void acknowledgeWithANoteIsRecordedInTheAuditLog() {
    long id = QuarkusTransaction.requiringNew().call(() -> {
      OrganizationEntity org = new OrganizationEntity();
      org.login = "ack-co";
      org.apiUrl = "http://localhost";
      org.persist();
      ScanEntity scan = new ScanEntity();
      scan.organization = org;
      scan.trigger = "api";
      scan.status = ScanEntity.COMPLETED;
      scan.startedAt = Instant.now();
      scan.persist();
      AlertEntity a = new AlertEntity();
      a.organizationId = org.id;
      a.scanId = scan.id;
      a.kind = "runner-registered";
      a.severity = "high";
      a.subject = "ack-co:runner:gpu-1";
      a.after = "self-hosted,gpu";
      a.message = "Self-hosted runner gpu-1 registered";
      a.createdAt = Instant.now();
      a.persist();
      return a.id;
    });
    given().get("/api/v1/alerts?organization=ack-co&open=true").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1));
    given().contentType(ContentType.JSON).body(Map.of("by", "alice")).post("/api/v1/alerts/" + id + "/acknowledge")
        .then().statusCode(400).body("error", containsString("note"));
    given().contentType(ContentType.JSON).body(Map.of("by", "alice", "note", "planned GPU lane, ticket SEC-42"))
        .post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(200)
        .body("acknowledgedBy", org.hamcrest.Matchers.equalTo("alice")).body("ackNote", containsString("SEC-42"));
    // The first acknowledgement stands.
    given().contentType(ContentType.JSON).body(Map.of("note", "overwrite attempt"))
        .post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(409).body("error", containsString("acknowledged by alice"));
    given().get("/api/v1/alerts?organization=ack-co&open=true").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));
    @SuppressWarnings("unchecked")
    List<Object[]> log = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
        "select actor, action, subject, details from audit_log where action = 'alert.acknowledge' order by id desc").getResultList());
    assertThat(log).isNotEmpty();
    assertThat(log.get(0)).containsExactly("alice", "alert.acknowledge", "runner-registered ack-co:runner:gpu-1",
        "planned GPU lane, ticket SEC-42");
  }

  @Test
  void thePolicyInForceIsRecordedOnceUntilItChanges() {
    long recorded = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
        "select count(*) from audit_log where action = 'policy.changed'").getSingleResult()).longValue());
    assertThat(recorded).isGreaterThanOrEqualTo(1);
    assertThat(policyAudit.recordIfChanged()).isFalse();
    String details = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
        "select details from audit_log where action = 'policy.changed' order by id desc limit 1").getSingleResult());
    assertThat(details).startsWith("sha256 ").contains("bundled default-policy.yml");
  }
}
