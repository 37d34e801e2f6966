package dev.gatehouse.web.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-repository work units of a scan, leased by workers with {@code FOR UPDATE SKIP LOCKED} and
 * a lease expiry: any number of workers (threads or replicas) share a scan, each unit is worked
 * once, and the units of a worker that died are taken over when their lease expires.
 */
@ApplicationScoped
public class ScanUnits {

  /** A leased unit: which repository (by GitHub id) to scan. */
  public record Unit(long id, long repositoryId, long githubId) {}

  private final EntityManager em;

  ScanUnits(EntityManager em) {
    this.em = em;
  }

  /** Creates one pending unit per repository (call inside a transaction). */
  public int create(long scanId, long organizationId) {
    return em.createNativeQuery("insert into scan_unit (scan_id, repository_id, status) "
            + "select ?1, id, 'pending' from repository where organization_id = ?2 and last_scan_id = ?1 "
            + "on conflict (scan_id, repository_id) do nothing")
        .setParameter(1, scanId).setParameter(2, organizationId).executeUpdate();
  }

  /** Leases up to {@code limit} available units (pending, or leased with an expired lease) in one statement. */
  @SuppressWarnings("unchecked")
  public List<Unit> lease(long scanId, String owner, int limit, Duration lease) {
    List<Object[]> rows = em.createNativeQuery("update scan_unit u set status = 'leased', lease_owner = ?2, "
            + "lease_expires = now() + make_interval(secs => ?3), attempts = u.attempts + 1 "
            + "from repository r where r.id = u.repository_id and u.id in ("
            // Only while the scan runs: a scan marked failed stops changing findings.
            + "  select id from scan_unit where scan_id = ?1 and (status = 'pending' or (status = 'leased' and lease_expires < now())) "
            + "  and exists (select 1 from scan s where s.id = ?1 and s.status = 'running') "
            + "  order by id limit ?4 for update skip locked) "
            + "returning u.id, u.repository_id, r.github_id")
        .setParameter(1, scanId).setParameter(2, owner).setParameter(3, (double) lease.toSeconds()).setParameter(4, limit)
        .getResultList();
    List<Unit> units = new ArrayList<>();
    for (Object[] row : rows) {
      units.add(new Unit(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
    }
    return units;
  }

  /** Marks a unit done if this worker still holds it; false when the lease was lost (another worker took it). */
  public boolean finish(long unitId, String owner) {
    return em.createNativeQuery("update scan_unit set status = 'done', finished_at = now(), lease_owner = null "
            + "where id = ?1 and status = 'leased' and lease_owner = ?2")
        .setParameter(1, unitId).setParameter(2, owner).executeUpdate() == 1;
  }

  public long remaining(long scanId) {
    return ((Number) em.createNativeQuery("select count(*) from scan_unit where scan_id = ?1 and status <> 'done'")
        .setParameter(1, scanId).getSingleResult()).longValue();
  }

  public long done(long scanId) {
    return ((Number) em.createNativeQuery("select count(*) from scan_unit where scan_id = ?1 and status = 'done'")
        .setParameter(1, scanId).getSingleResult()).longValue();
  }
}
