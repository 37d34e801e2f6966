package dev.gatehouse.web.scan;

import dev.gatehouse.web.org.OrganizationEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Query;
import java.net.URI;
import java.time.Instant;

/** Scans and SQL for the scan tests, each in its own transaction (as a worker would see the data). */
final class ScanFixtures {

  private ScanFixtures() {}

  /** A running scan of {@code login} (created with {@code apiUrl} if new), before its organization pass. */
  static long newScan(String login, URI apiUrl) {
    return QuarkusTransaction.requiringNew().call(() -> {
      OrganizationEntity org = OrganizationEntity.findByLogin(login).orElseGet(() -> {
        OrganizationEntity o = new OrganizationEntity();
        o.login = login;
        o.apiUrl = apiUrl.toString();
        o.persist();
        return o;
      });
      ScanEntity scan = new ScanEntity();
      scan.organization = org;
      scan.trigger = "api";
      scan.status = ScanEntity.RUNNING;
      scan.startedAt = Instant.now();
      scan.persist();
      return scan.id;
    });
  }

  static String status(long scanId) {
    return QuarkusTransaction.requiringNew().call(() -> ScanEntity.<ScanEntity>findById(scanId).status);
  }

  /** A single number from SQL with positional parameters {@code ?1, ?2, ...}. */
  static long count(String sql, Object... params) {
    return QuarkusTransaction.requiringNew().call(() -> ((Number) query(sql, params).getSingleResult()).longValue());
  }

  static void execute(String sql, Object... params) {
    QuarkusTransaction.requiringNew().run(() -> query(sql, params).executeUpdate());
  }

  private static Query query(String sql, Object... params) {
    Query q = ScanEntity.getEntityManager().createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return q;
  }
}
