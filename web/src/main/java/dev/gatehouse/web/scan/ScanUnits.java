package dev.gatehouse.web.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-repository work units of a scan, leased by workers with {@code FOR UPDATE SKIP LOCKED} and
 * a lease expiry: any number of workers (threads or replicas) share a scan, each unit is worked
 * once, and the units of a worker that died are taken over when their lease expires. A unit that
 * fails {@link #MAX_ATTEMPTS} times (its repository keeps breaking the scan, or its workers keep
 * dying) ends {@code failed} with the reason, so one repository cannot hold up its organization.
 */
@ApplicationScoped
public class ScanUnits {

  /** Leases per unit before it is given up as failed. */
  public static final int MAX_ATTEMPTS = 3;

  /** A leased unit: which repository (by GitHub id) to scan, and how many times it has been leased, this time included. */
  public record Unit(long id, long repositoryId, long githubId, int attempts) {}

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

  /**
   * Leases up to {@code limit} available units (pending, or leased with an expired lease) in one
   * statement. Expired leases that used up their attempts are marked failed first.
   */
  @SuppressWarnings("unchecked")
  public List<Unit> lease(long scanId, String owner, int limit, Duration lease) {
    em.createNativeQuery("update scan_unit set status = 'failed', finished_at = now(), lease_owner = null, "
            + "error = coalesce(error, 'its worker stopped before finishing it') || ' (gave up after ' || attempts || ' attempts)' "
            + "where scan_id = ?1 and status = 'leased' and lease_expires < now() and attempts >= ?2")
        .setParameter(1, scanId).setParameter(2, MAX_ATTEMPTS).executeUpdate();
    List<Object[]> rows = em.createNativeQuery("update scan_unit u set status = 'leased', lease_owner = ?2, "
            + "lease_expires = now() + make_interval(secs => ?3), attempts = u.attempts + 1 "
            + "from repository r where r.id = u.repository_id and u.id in ("
            // Only while the scan runs: a scan marked failed stops changing findings.
            + "  select id from scan_unit where scan_id = ?1 and (status = 'pending' or (status = 'leased' and lease_expires < now())) "
            + "  and exists (select 1 from scan s where s.id = ?1 and s.status = 'running') "
            + "  order by id limit ?4 for update skip locked) "
            + "returning u.id, u.repository_id, r.github_id, u.attempts")
        .setParameter(1, scanId).setParameter(2, owner).setParameter(3, (double) lease.toSeconds()).setParameter(4, limit)
        .getResultList();
    List<Unit> units = new ArrayList<>();
    for (Object[] row : rows) {
      units.add(new Unit(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
          ((Number) row[3]).intValue()));
    }
    return units;
  }

  /** Marks a unit done if this worker still holds it; false when the lease was lost (another worker took it). */
  public boolean finish(long unitId, String owner) {
    return em.createNativeQuery("update scan_unit set status = 'done', finished_at = now(), lease_owner = null "
            + "where id = ?1 and status = 'leased' and lease_owner = ?2")
        .setParameter(1, unitId).setParameter(2, owner).executeUpdate() == 1;
  }

  /**
   * Hands a unit this worker could not finish back: pending again for another attempt, or failed
   * with the reason once it used up its attempts. False when the lease was no longer this worker's.
   */
  public boolean setBack(long unitId, String owner, String reason) {
    return em.createNativeQuery("update scan_unit set lease_owner = null, lease_expires = null, "
            + "status = case when attempts >= ?4 then 'failed' else 'pending' end, "
            + "finished_at = case when attempts >= ?4 then now() end, "
            + "error = case when attempts >= ?4 then ?3 || ' (gave up after ' || attempts || ' attempts)' else ?3 end "
            + "where id = ?1 and status = 'leased' and lease_owner = ?2")
        .setParameter(1, unitId).setParameter(2, owner).setParameter(3, reason).setParameter(4, MAX_ATTEMPTS).executeUpdate() == 1;
  }

  /**
   * Makes the units {@code owner} holds on the scan pending again (their attempt stays counted):
   * for a process that knows it is not working them any more.
   */
  public int release(long scanId, String owner) {
    return em.createNativeQuery("update scan_unit set status = 'pending', lease_owner = null, lease_expires = null "
            + "where scan_id = ?1 and lease_owner = ?2 and status = 'leased'")
        .setParameter(1, scanId).setParameter(2, owner).executeUpdate();
  }

  /** Units neither done nor failed: the scan cannot close while there are any. */
  public long remaining(long scanId) {
    return ((Number) em.createNativeQuery("select count(*) from scan_unit where scan_id = ?1 and status not in ('done', 'failed')")
        .setParameter(1, scanId).getSingleResult()).longValue();
  }

  /** How many units of the scan failed. */
  public int failedCount(long scanId) {
    return ((Number) em.createNativeQuery("select count(*) from scan_unit where scan_id = ?1 and status = 'failed'")
        .setParameter(1, scanId).getSingleResult()).intValue();
  }

  /** The repositories whose units failed (the first {@link ScanView#FAILURES_SHOWN} by name), with the reasons. */
  @SuppressWarnings("unchecked")
  public List<Failed> failed(long scanId) {
    List<Object[]> rows = em.createNativeQuery("select r.full_name, u.error from scan_unit u join repository r on r.id = u.repository_id "
            + "where u.scan_id = ?1 and u.status = 'failed' order by r.full_name limit ?2")
        .setParameter(1, scanId).setParameter(2, ScanView.FAILURES_SHOWN).getResultList();
    return rows.stream().map(r -> new Failed((String) r[0], (String) r[1])).toList();
  }

  /** A repository that could not be scanned, and why. */
  public record Failed(String repository, String error) {
    /** The repository's name without its organization, as in dashboard URLs. */
    public String name() {
      return repository.substring(repository.indexOf('/') + 1);
    }
  }

  public long done(long scanId) {
    return ((Number) em.createNativeQuery("select count(*) from scan_unit where scan_id = ?1 and status = 'done'")
        .setParameter(1, scanId).getSingleResult()).longValue();
  }
}
