package dev.gatehouse.web.retention;

import dev.gatehouse.web.snapshot.SnapshotStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Prunes raw snapshots older than the configured days, keeping each organization's latest
 * completed scan (drift compares against it) and every scan's statistics; workflow contents no
 * remaining snapshot refers to go with them. Running it on several replicas at once is harmless:
 * each delete is idempotent.
 */
@ApplicationScoped
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class);

  /** What one pruning removed. */
  public record Pruned(int orgSnapshots, int repoSnapshots, int blobs) {}

  private final EntityManager em;
  private final RetentionConfig config;

  Retention(EntityManager em, RetentionConfig config) {
    this.em = em;
    this.config = config;
  }

  @Scheduled(cron = "{gatehouse.retention.cron}", timeZone = "UTC", identity = "gatehouse-retention")
  void nightly() {
    Pruned p = prune(Instant.now().minus(config.snapshotDays(), ChronoUnit.DAYS));
    LOG.infof("Retention: pruned %d organization snapshots, %d repository snapshots, %d workflow blobs older than %d days",
        p.orgSnapshots(), p.repoSnapshots(), p.blobs(), config.snapshotDays());
  }

  @Transactional
  public Pruned prune(Instant before) {
    String keep = "select max(s.id) from scan s where s.status = 'completed' group by s.organization_id";
    int repos = em.createNativeQuery("delete from repo_snapshot r using scan s where s.id = r.scan_id and s.started_at < ?1 "
        + "and r.scan_id not in (" + keep + ")").setParameter(1, before).executeUpdate();
    int orgs = em.createNativeQuery("delete from org_snapshot o using scan s where s.id = o.scan_id and s.started_at < ?1 "
        + "and o.scan_id not in (" + keep + ")").setParameter(1, before).executeUpdate();
    // Snapshots being stored hold the lock shared until they commit: wait for them, and hold off new ones.
    em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, SnapshotStore.BLOBS_LOCK).getSingleResult();
    // One pass over the remaining snapshots collects every SHA they name; the delete is an anti-join on it.
    int blobs = em.createNativeQuery("delete from workflow_blob b where not exists (select 1 from ("
        + "select f ->> 'blobSha' as sha from repo_snapshot r, jsonb_array_elements(case when jsonb_typeof(r.snapshot -> 'files' -> 'value') "
        + "= 'array' then r.snapshot -> 'files' -> 'value' else '[]'::jsonb end) f) used where used.sha = b.sha)")
        .executeUpdate();
    return new Pruned(orgs, repos, blobs);
  }
}
