package dev.gatehouse.web.scan;

import dev.gatehouse.scanner.collect.GitHubClient;
import dev.gatehouse.scanner.collect.RepoCollector;
import dev.gatehouse.scanner.collect.ScanMeter;
import dev.gatehouse.scanner.model.ActionInventory;
import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.OrgAudit;
import dev.gatehouse.web.finding.FindingLedger;
import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.metrics.ScanMetrics;
import dev.gatehouse.web.notify.AlertMessage;
import dev.gatehouse.web.notify.Notifier;
import dev.gatehouse.web.policy.Policies;
import dev.gatehouse.web.snapshot.SnapshotStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.gatehouse.scanner.rule.RepoFacts;
import dev.gatehouse.web.repo.RepositoryStats;
import org.jboss.logging.Logger;

/**
 * Works a scan's units: leases a batch (up to 50 repositories, one GraphQL request), reads and
 * audits them, and commits each repository in its own transaction (snapshot, findings, unit
 * done) — only if this worker still holds the unit's lease, so every repository is scanned
 * exactly once even when workers die or several replicas share a scan.
 */
@ApplicationScoped
public class ScanWorker {

  private static final Logger LOG = Logger.getLogger(ScanWorker.class);
  static final int BATCH = 50;

  private final ScanUnits units;
  private final SnapshotStore snapshots;
  private final FindingLedger ledger;
  private final Policies policies;
  private final GitHubTarget target;
  private final EntityManager em;
  private final ScanCloser closer;
  private final Notifier notifier;
  private final ScanMetrics metrics;
  private final RepositoryStats stats;
  private final Duration lease = Duration.ofMinutes(5);

  ScanWorker(ScanUnits units, SnapshotStore snapshots, FindingLedger ledger, Policies policies, GitHubTarget target,
      EntityManager em, ScanCloser closer, Notifier notifier, ScanMetrics metrics, RepositoryStats stats) {
    this.units = units;
    this.snapshots = snapshots;
    this.ledger = ledger;
    this.policies = policies;
    this.target = target;
    this.em = em;
    this.closer = closer;
    this.notifier = notifier;
    this.metrics = metrics;
    this.stats = stats;
  }

  /** Works units of the scan until none is available, then closes the scan if it is complete. */
  public void drain(long scanId, String owner) {
    drain(scanId, owner, BATCH, Integer.MAX_VALUE);
  }

  /** As {@link #drain(long, String)}, with a batch size and at most {@code maxBatches} batches (tests stop a worker midway). */
  void drain(long scanId, String owner, int batchSize, int maxBatches) {
    ScanEntity scan = QuarkusTransaction.requiringNew().call(() -> {
      ScanEntity s = ScanEntity.findById(scanId);
      s.organization.login.length();
      return s;
    });
    long orgId = scan.organization.id;
    String org = scan.organization.login;
    OrgSnapshot snapshot = QuarkusTransaction.requiringNew().call(() -> snapshots.org(scanId));
    Policy policy = QuarkusTransaction.requiringNew().call(() -> policies.effective(orgId));
    OrgAudit audit = OrgAudit.withAllRules(policy);
    Map<Long, RepositoryInfo> byGitHubId = new HashMap<>();
    snapshot.repositories().forEach(r -> byGitHubId.put(r.id(), r));
    GitHubClient client = target.client();
    for (int round = 0; round < maxBatches; round++) {
      List<ScanUnits.Unit> batch = QuarkusTransaction.requiringNew().call(() -> units.lease(scanId, owner, batchSize, lease));
      if (batch.isEmpty()) {
        break;
      }
      List<RepositoryInfo> repos = new ArrayList<>();
      List<Long> repositoryIds = new ArrayList<>();
      for (ScanUnits.Unit u : batch) {
        repos.add(byGitHubId.get(u.githubId()));
        repositoryIds.add(u.repositoryId());
      }
      ScanMeter meter = new ScanMeter();
      List<RepoSnapshot> read;
      try {
        Map<String, RepoCollector.Known> known = QuarkusTransaction.requiringNew().call(() -> snapshots.known(repositoryIds, scanId));
        read = new RepoCollector(client, target.concurrency(), batchSize).collect(org, repos, known, meter);
      } catch (RuntimeException e) {
        setBack(scanId, owner, batch, reason("reading the repositories failed", e));
        throw e;
      }
      for (int i = 0; i < batch.size(); i++) {
        ScanUnits.Unit unit = batch.get(i);
        RepoSnapshot repo = read.get(i);
        try {
          Map<String, List<AuditedFile>> files = OrgAudit.parse(List.of(repo));
          OrgScan one = new OrgScan(snapshot, List.of(repo), files, ActionInventory.of(files), Map.of(), Instant.now());
          List<Finding> findings = audit.auditRepository(one, repo);
          RepoFacts facts = RepoFacts.of(files.getOrDefault(repo.repository().fullName(), List.of()));
          boolean committed = QuarkusTransaction.requiringNew().call(() -> commit(scanId, orgId, unit, owner, repo, findings, facts));
          if (!committed) {
            LOG.infof("Scan %d: lease on %s was taken over; leaving it to the other worker", scanId, repo.repository().fullName());
          }
        } catch (RuntimeException | StackOverflowError e) {
          // This repository broke its own audit or commit: hand it back (retried, or failed after
          // MAX_ATTEMPTS) and go on with the others. If even that cannot be written, the database
          // is gone: stop, and the scan resumes from the unit leases once it is back.
          LOG.warnf(e, "Scan %d: %s (attempt %d of %d) failed", scanId, repo.repository().fullName(), unit.attempts(),
              ScanUnits.MAX_ATTEMPTS);
          setBack(scanId, owner, batch.subList(i, i + 1), reason("scanning it failed", e));
        }
      }
      QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
              "update scan set requests = coalesce(requests, 0) + ?2, rate_limit_points = coalesce(rate_limit_points, 0) + ?3, "
                  + "not_modified = coalesce(not_modified, 0) + ?4 where id = ?1")
          .setParameter(1, scanId).setParameter(2, meter.requests()).setParameter(3, meter.points())
          .setParameter(4, meter.notModified()).executeUpdate());
      metrics.githubUsage(org, meter.requests(), meter.points());
    }
    if (maxBatches == Integer.MAX_VALUE) {
      List<dev.gatehouse.web.alert.AlertEntity> alerts = closer.tryClose(scanId);
      if (!alerts.isEmpty()) {
        // Delivery is asynchronous and never fails the scan.
        notifier.publish(org, alerts.stream().map(a -> new AlertMessage(org, scanId, a.kind, a.severity, a.subject, a.before,
            a.after, a.message, a.createdAt)).toList());
      }
    }
  }

  /** Hands units back (see {@link ScanUnits#setBack}); throws when the database cannot be written. */
  private void setBack(long scanId, String owner, List<ScanUnits.Unit> batch, String reason) {
    QuarkusTransaction.requiringNew().run(() -> {
      batch.forEach(u -> units.setBack(u.id(), owner, reason));
      ScanEntity.update("unitsFailed = ?1 where id = ?2", units.failedCount(scanId), scanId);
    });
  }

  /** What a person reads about a failure: never a stack trace, never more than a line. */
  static String reason(String what, Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    return what + ": " + e.getClass().getSimpleName() + (message.isEmpty() ? "" : " (" + message + ")");
  }

  /** One repository in one transaction; claims the unit first, so a lost lease writes nothing. */
  private boolean commit(long scanId, long orgId, ScanUnits.Unit unit, String owner, RepoSnapshot repo, List<Finding> findings,
      RepoFacts facts) {
    if (!units.finish(unit.id(), owner)) {
      return false;
    }
    snapshots.saveRepo(scanId, unit.repositoryId(), repo);
    ledger.merge(orgId, scanId, Instant.now(), repo.repository().fullName(), FindingLedger.Scope.WORKFLOW, findings,
        repo.files().available() && repo.files().orNull().stream().allMatch(f -> f.text() != null));
    stats.recordFacts(unit.repositoryId(), facts);
    stats.refreshRepository(orgId, repo.repository().fullName());
    em.createNativeQuery("update scan set units_done = units_done + 1 where id = ?1").setParameter(1, scanId).executeUpdate();
    return true;
  }
}
