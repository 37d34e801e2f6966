package dev.gatehouse.web.schedule;

import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.scan.ScanService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Registers one cron job per organization and makes each scheduled slot start at most one scan,
 * however many replicas fire it. Every replica runs the in-memory scheduler; on a fire, a
 * replica takes a PostgreSQL transaction-scoped advisory lock keyed by (organization, scheduled
 * fire time) and only the holder asks {@link ScanService} for a scan. We chose the advisory lock
 * over a clustered Quartz job store because it needs no Quartz tables, no job-store migrations
 * and no node check-in to operate, and because the database already arbitrates scans: the
 * {@code scan_one_running_per_org} index makes a second start return the running scan, and a
 * replica that fires late sees the slot's scan row and stands down.
 */
@ApplicationScoped
public class NightlyScans {

  private static final Logger LOG = Logger.getLogger(NightlyScans.class);
  static final String JOB_PREFIX = "gatehouse-scheduled-scan-";
  static final String TRIGGER = "schedule";

  private final Scheduler scheduler;
  private final ScheduleConfig config;
  private final GitHubTarget target;
  private final ScanService scans;
  private final EntityManager em;
  private volatile List<ScheduledOrg> plan = List.of();

  NightlyScans(Scheduler scheduler, ScheduleConfig config, GitHubTarget target, ScanService scans, EntityManager em) {
    this.scheduler = scheduler;
    this.config = config;
    this.target = target;
    this.scans = scans;
    this.em = em;
  }

  void onStart(@Observes StartupEvent event) {
    List<String> orgs = target.organizations();
    ScheduledOrg.unmatchedOverrides(config, orgs).forEach(key -> LOG.warnf(
        "gatehouse.schedule.org-cron.%s names no configured organization (%s); it is ignored", key, orgs));
    if (!scheduler.isStarted()) {
      throw new IllegalStateException("the Quarkus scheduler is not running; set quarkus.scheduler.start-mode=forced");
    }
    List<ScheduledOrg> planned = ScheduledOrg.plan(config, orgs);
    for (ScheduledOrg org : planned) {
      scheduler.newJob(JOB_PREFIX + org.organization())
          .setCron(org.cron())
          .setTimeZone("UTC")
          .setSkipPredicate(execution -> !config.enabled())
          .setTask(execution -> fire(org.organization(), execution.getScheduledFireTime()))
          .schedule();
      LOG.infof("Scheduled scans of %s at cron '%s' (UTC)%s", org.organization(), org.cron(),
          config.enabled() ? "" : "; disabled by gatehouse.schedule.enabled=false");
    }
    plan = planned;
  }

  /** The configured schedule with each job's next fire time, for the API and the dashboard. */
  public List<ScheduleView> schedule() {
    return plan.stream().map(org -> {
      Trigger trigger = scheduler.getScheduledJob(JOB_PREFIX + org.organization());
      Instant next = trigger == null ? null : trigger.getNextFireTime();
      return new ScheduleView(org.organization(), org.cron(), next, config.enabled());
    }).toList();
  }

  /**
   * The job body: starts the scan of {@code org} for the slot scheduled at {@code slot}, unless
   * another replica holds the slot's lock or already started a scheduled scan at or after it.
   * Returns what {@link ScanService#request} gave back (a new scan, or the one already running),
   * or empty when this replica stood down.
   */
  Optional<ScanService.Requested> fire(String org, Instant slot) {
    Instant at = slot.truncatedTo(ChronoUnit.SECONDS);
    Optional<ScanService.Requested> requested = QuarkusTransaction.requiringNew().call(() -> {
      // Held until this transaction ends, i.e. until the scan row below is committed.
      Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
          .setParameter(1, lockKey(org, at)).getSingleResult();
      if (!Boolean.TRUE.equals(locked) || slotTaken(org, at)) {
        return Optional.empty();
      }
      return Optional.of(scans.request(org, TRIGGER, TRIGGER));
    });
    if (requested.isEmpty()) {
      LOG.debugf("Scheduled scan of %s for %s is handled by another replica", org, at);
    } else if (requested.get().created()) {
      LOG.infof("Scheduled scan %d of %s started for %s", requested.get().scan().id(), org, at);
    } else {
      LOG.infof("Scheduled scan of %s for %s: scan %d is already running", org, at, requested.get().scan().id());
    }
    return requested;
  }

  /** A scheduled scan row for this slot means a replica that held the lock earlier already fired it. */
  private boolean slotTaken(String org, Instant slot) {
    Object taken = em.createNativeQuery("""
        select exists (select 1 from scan s join organization o on o.id = s.organization_id
                       where lower(o.login) = lower(?1) and s.trigger = ?2 and s.started_at >= ?3)""")
        .setParameter(1, org).setParameter(2, TRIGGER).setParameter(3, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC))
        .getSingleResult();
    return Boolean.TRUE.equals(taken);
  }

  /**
   * A 64-bit advisory-lock key for one organization's slot: the first eight bytes of
   * SHA-256("gatehouse-schedule:" + login + ":" + epoch second), namespaced so it does not
   * collide with keys other code might use.
   */
  static long lockKey(String org, Instant slot) {
    String name = "gatehouse-schedule:" + org.toLowerCase(Locale.ROOT) + ":" + slot.getEpochSecond();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
