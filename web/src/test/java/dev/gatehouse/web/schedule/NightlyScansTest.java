package dev.gatehouse.web.schedule;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class NightlyScansTest {

  @Inject
  NightlyScans nightly;

  @Inject
  EntityManager em;

  @Test
  void twoReplicasFiringTheSameSlotStartOneScan() throws Exception {
    Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long before = scheduledScans("acme");
    CountDownLatch go = new CountDownLatch(1);
    Callable<Optional<ScanService.Requested>> replica = () -> {
      go.await();
      return nightly.fire("acme", slot);
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Optional<ScanService.Requested>> outcomes = new ArrayList<>();
    try {
      List<Future<Optional<ScanService.Requested>>> futures = List.of(pool.submit(replica), pool.submit(replica));
      go.countDown();
      for (Future<Optional<ScanService.Requested>> f : futures) {
        outcomes.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(scheduledScans("acme")).isEqualTo(before + 1);
    // The other replica stands down on the lock: it does not even ask for (and get back) the running scan.
    assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
    List<ScanService.Requested> started = outcomes.stream().flatMap(Optional::stream).filter(ScanService.Requested::created).toList();
    assertThat(started).hasSize(1);
    assertThat(started.get(0).scan().trigger()).isEqualTo("schedule");
    awaitFinished(started.get(0).scan().id());

    // A replica whose clock fires the same slot after that scan finished stands down too.
    assertThat(nightly.fire("acme", slot)).isEmpty();
    assertThat(scheduledScans("acme")).isEqualTo(before + 1);
  }

  @Test
  void scheduleListsEachOrganizationWithItsNextRunAtTwoUtc() {
    JsonPath schedule = given().get("/api/v1/schedule").then().statusCode(200).extract().jsonPath();
    assertThat(schedule.getList("organization", String.class)).containsExactly("acme");
    assertThat(schedule.getString("[0].cron")).isEqualTo("0 0 2 * * ?");
    // Registered but skipped in tests (%test.gatehouse.schedule.enabled=false), so nothing fires on its own.
    assertThat(schedule.getBoolean("[0].enabled")).isFalse();

    ZonedDateTime next = Instant.parse(schedule.getString("[0].nextRunAt")).atZone(ZoneOffset.UTC);
    assertThat(next.getHour()).isEqualTo(2);
    assertThat(next.getMinute()).isZero();
    assertThat(next.getSecond()).isZero();
    assertThat(next.toInstant()).isAfter(Instant.now().minus(Duration.ofMinutes(1)))
        .isBefore(Instant.now().plus(Duration.ofDays(1)));
  }

  private long scheduledScans(String org) {
    return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
        "select count(*) from scan s join organization o on o.id = s.organization_id where o.login = ?1 and s.trigger = 'schedule'")
        .setParameter(1, org).getSingleResult()).longValue());
  }

  private static void awaitFinished(long id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!"running".equals(given().get("/api/v1/scans/" + id).then().extract().jsonPath().getString("status"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("scan " + id + " did not finish in 30 s");
  }
}
