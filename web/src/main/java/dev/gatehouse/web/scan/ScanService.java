package dev.gatehouse.web.scan;

import dev.gatehouse.scanner.collect.GitHubAccess;
import dev.gatehouse.scanner.collect.GitHubReadException;
import dev.gatehouse.scanner.collect.OrgCollector;
import dev.gatehouse.scanner.collect.ScanMeter;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.repo.RepositoryEntity;
import dev.gatehouse.web.snapshot.SnapshotStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Starts scans and runs them off the request thread. A scan reads the organization through the
 * collector, audits it and stores repositories and findings; the database allows one running scan
 * per organization, so a second request gets the running one back.
 */
@ApplicationScoped
public class ScanService {

  private static final Logger LOG = Logger.getLogger(ScanService.class);
  /** GitHub logins: alphanumerics and single hyphens, at most 39 characters. */
  private static final Pattern LOGIN = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$");

  private final GitHubTarget target;
  private final ScanUnits units;
  private final SnapshotStore snapshots;
  private final ScanWorker worker;
  private final dev.gatehouse.web.metrics.ScanMetrics metrics;
  /** This process's identity as a worker: leases it holds carry it. */
  private final String owner = workerName();

  String owner() {
    return owner;
  }
  private final java.util.Set<Long> draining = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "gatehouse-scan");
    t.setDaemon(true);
    return t;
  });

  private final java.time.Duration resumeInterval;

  ScanService(GitHubTarget target, ScanUnits units, SnapshotStore snapshots, ScanWorker worker,
      dev.gatehouse.web.metrics.ScanMetrics metrics, dev.gatehouse.web.schedule.ScheduleConfig schedule) {
    this.resumeInterval = schedule.resumeInterval();
    this.metrics = metrics;
    this.target = target;
    this.units = units;
    this.snapshots = snapshots;
    this.worker = worker;
  }

  static String workerName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return host + ":" + java.util.UUID.randomUUID();
  }

  public record Requested(ScanView scan, boolean created) {}

  /** Starts a scan of {@code org}, or returns the one already running for it. */
  public Requested request(String org, String trigger, String requestedBy) {
    if (org == null || !LOGIN.matcher(org).matches()) {
      throw new IllegalArgumentException("not a GitHub organization login: " + (org == null ? "(none)" : org));
    }
    GitHubAccess access = target.access();
    Requested requested;
    try {
      requested = QuarkusTransaction.requiringNew().call(() -> createOrReuse(org, access, trigger, requestedBy));
    } catch (PersistenceException e) {
      // Another request or replica inserted the running scan between our check and insert.
      requested = QuarkusTransaction.requiringNew().call(() -> createOrReuse(org, access, trigger, requestedBy));
    }
    if (requested.created()) {
      long scanId = requested.scan().id();
      executor.submit(() -> run(scanId, org, access));
    }
    return requested;
  }

  private Requested createOrReuse(String login, GitHubAccess access, String trigger, String requestedBy) {
    OrganizationEntity org = OrganizationEntity.findByLogin(login).orElseGet(() -> {
      OrganizationEntity created = new OrganizationEntity();
      created.login = login;
      created.apiUrl = access.apiUrl().toString();
      created.persist();
      return created;
    });
    org.apiUrl = access.apiUrl().toString();
    Optional<ScanEntity> running = ScanEntity.findRunning(org);
    if (running.isPresent()) {
      return new Requested(ScanView.of(running.get()), false);
    }
    ScanEntity scan = new ScanEntity();
    scan.organization = org;
    scan.trigger = trigger;
    scan.status = ScanEntity.RUNNING;
    scan.requestedBy = requestedBy;
    scan.startedAt = Instant.now();
    scan.persistAndFlush();
    return new Requested(ScanView.of(scan), true);
  }

  /**
   * The organization pass: reads the organization (repositories, settings, runners), stores it,
   * creates one work unit per repository, and starts working them here; other replicas join
   * through {@link #resumeAvailable()}.
   */
  void run(long scanId, String org, GitHubAccess access) {
    try {
      orgPass(scanId, org);
    } catch (GitHubReadException e) {
      LOG.warnf("Scan %d of %s failed: %s", scanId, org, e.getMessage());
      QuarkusTransaction.requiringNew().run(() -> fail(scanId, e.getMessage()));
      return;
    } catch (RuntimeException e) {
      LOG.errorf(e, "Scan %d of %s failed", scanId, org);
      QuarkusTransaction.requiringNew().run(() -> fail(scanId, "internal error: " + e.getClass().getSimpleName()));
      return;
    }
    // The poller may already have joined the scan here (its units exist from now on): one worker per process is enough.
    if (draining.add(scanId)) {
      try {
        work(scanId, org);
      } finally {
        draining.remove(scanId);
      }
    }
  }

  /**
   * Works the scan's units here. GitHub refusing a whole batch (credentials, rate limit) fails the
   * scan with GitHub's answer. Anything else that stops the worker (the database going away) leaves
   * the scan running: its units are picked up again by {@link #resumeAvailable()}, here or on
   * another replica, so nothing already committed is lost or scanned twice. A single repository
   * that breaks its own scan does not get here: the worker gives it up after a few attempts.
   */
  private void work(long scanId, String org) {
    try {
      // Only called while this process is not draining the scan, so any lease it still holds on
      // it belongs to a drain that stopped (the database went away): hand those back now rather
      // than leave them to expire.
      int released = QuarkusTransaction.requiringNew().call(() -> units.release(scanId, owner));
      if (released > 0) {
        LOG.infof("Scan %d of %s: took back %d repositories an earlier worker here stopped on", scanId, org, released);
      }
      worker.drain(scanId, owner);
    } catch (GitHubReadException e) {
      LOG.warnf("Scan %d of %s failed: %s", scanId, org, e.getMessage());
      try {
        QuarkusTransaction.requiringNew().run(() -> fail(scanId, e.getMessage()));
      } catch (RuntimeException stillDown) {
        LOG.warnf("Scan %d could not be marked failed (%s); it is resumed later", scanId, stillDown.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "Working scan %d of %s stopped; its remaining repositories are resumed within a minute", scanId, org);
    }
  }

  /** Reads the organization and creates the scan's work units (one per repository). */
  void orgPass(long scanId, String org) {
    ScanMeter meter = new ScanMeter();
    OrgSnapshot snapshot = new OrgCollector(target.client()).collect(org, meter);
    QuarkusTransaction.requiringNew().run(() -> {
      long orgId = store(scanId, snapshot.repositories(), Instant.now());
      snapshots.saveOrg(scanId, orgId, snapshot);
      ScanEntity scan = ScanEntity.findById(scanId);
      scan.unitsTotal = units.create(scanId, orgId);
      scan.requests = (int) meter.requests();
      scan.rateLimitPoints = (int) meter.points();
      scan.notModified = (int) meter.notModified();
    });
  }

  /**
   * Joins every running scan that has work units available (pending, or leased by a worker whose
   * lease expired): after a restart, and periodically, so a dead worker's units are taken over.
   */
  public void resumeAvailable() {
    Map<Long, String> running = QuarkusTransaction.requiringNew().call(() -> ScanEntity.<ScanEntity>list(
            "status = ?1 and unitsTotal is not null", ScanEntity.RUNNING).stream()
        .collect(java.util.stream.Collectors.toMap(s -> s.id, s -> s.organization.login)));
    for (Map.Entry<Long, String> scan : running.entrySet()) {
      long id = scan.getKey();
      if (draining.add(id)) {
        executor.submit(() -> {
          try {
            work(id, scan.getValue());
          } finally {
            draining.remove(id);
          }
        });
      }
    }
  }

  private long store(long scanId, List<RepositoryInfo> repositories, Instant now) {
    ScanEntity scan = ScanEntity.findById(scanId);
    for (RepositoryInfo info : repositories) {
      RepositoryEntity repo = RepositoryEntity.findByGitHubId(scan.organization, info.id()).orElseGet(() -> {
        RepositoryEntity created = new RepositoryEntity();
        created.organization = scan.organization;
        created.githubId = info.id();
        created.firstSeenAt = now;
        return created;
      });
      repo.nodeId = info.nodeId();
      repo.name = info.name();
      repo.fullName = info.fullName();
      repo.visibility = info.visibility();
      repo.fork = info.fork();
      repo.archived = info.archived();
      repo.defaultBranch = info.defaultBranch();
      repo.pushedAt = info.pushedAt();
      repo.htmlUrl = info.htmlUrl();
      repo.headSha = info.headSha();
      repo.lastScannedAt = now;
      repo.goneAt = null;
      repo.lastScan = scan;
      repo.persist();
    }
    scan.repositoryCount = repositories.size();
    return scan.organization.id;
  }

  private void fail(long scanId, String error) {
    ScanEntity scan = ScanEntity.findById(scanId);
    metrics.scanFinished(scan.organization.login, ScanEntity.FAILED, java.time.Duration.between(scan.startedAt, Instant.now()));
    scan.status = ScanEntity.FAILED;
    scan.error = error;
    scan.finishedAt = Instant.now();
  }

  /**
   * Marks scans that stopped during the organization pass (before any work unit existed, for
   * more than ten minutes) as failed, so the organization can be scanned again. Scans with work
   * units are resumed instead ({@link #resumeAvailable()}).
   */
  public int failInterrupted() {
    return QuarkusTransaction.requiringNew().call(() -> (int) ScanEntity.update(
        "status = ?1, error = ?2, finishedAt = ?3 where status = ?4 and unitsTotal is null and startedAt < ?5",
        ScanEntity.FAILED, "interrupted: the service stopped while reading the organization", Instant.now(), ScanEntity.RUNNING,
        Instant.now().minusSeconds(600)));
  }

  /** A scan with its progress: units done of total, and the rate limit GitHub last reported to this process. */
  /** Scans of an organization with ids below {@code before}, newest first. */
  @jakarta.transaction.Transactional
  public List<ScanView> list(String org, long before, int limit) {
    return ScanEntity.<ScanEntity>find("organization.login = ?1 and id < ?2 order by id desc", org, before).page(0, limit).list()
        .stream().map(ScanView::of).toList();
  }

  public Optional<ScanView> find(long id) {
    var window = target.client().budget().window("core");
    Long remaining = window == null ? null : window.remaining();
    return QuarkusTransaction.joiningExisting().call(() -> ScanEntity.<ScanEntity>findByIdOptional(id).map(this::withFailures))
        .map(v -> v.withRateLimitRemaining(remaining));
  }

  public Optional<ScanView> latest(String org) {
    return QuarkusTransaction.joiningExisting().call(() -> ScanEntity.<ScanEntity>find(
        "organization.login = ?1 order by startedAt desc", org).firstResultOptional().map(this::withFailures));
  }

  private ScanView withFailures(ScanEntity scan) {
    ScanView view = ScanView.of(scan);
    return scan.unitsFailed > 0 ? view.withFailures(units.failed(scan.id)) : view;
  }

  private final java.util.concurrent.ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gatehouse-scan-poller");
    t.setDaemon(true);
    return t;
  });

  /**
   * Every {@code gatehouse.schedule.resume-interval} (a minute), joins running scans with available
   * units (a dead worker's, once its lease expired), and fails scans whose organization pass
   * stopped more than ten minutes ago.
   */
  void startPolling() {
    poller.scheduleWithFixedDelay(() -> {
      try {
        failInterrupted();
        resumeAvailable();
      } catch (RuntimeException e) {
        LOG.warnf("Looking for scans to resume failed: %s", e.getMessage());
      }
    }, resumeInterval.toMillis(), resumeInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    poller.shutdownNow();
    executor.shutdownNow();
  }
}
