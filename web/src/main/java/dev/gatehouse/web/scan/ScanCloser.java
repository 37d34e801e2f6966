package dev.gatehouse.web.scan;

import dev.gatehouse.scanner.model.ActionInventory;
import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.OrgAudit;
import dev.gatehouse.scanner.rule.SettingsAudit;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.web.alert.AlertEntity;
import dev.gatehouse.web.alert.DriftDetector;
import dev.gatehouse.web.alert.DriftEvent;
import dev.gatehouse.web.audit.AuditLog;
import dev.gatehouse.web.finding.FindingEntity;
import dev.gatehouse.web.finding.FindingLedger;
import dev.gatehouse.web.metrics.ScanMetrics;
import dev.gatehouse.web.policy.Policies;
import dev.gatehouse.web.snapshot.SnapshotStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Closes a scan once every unit is done, exactly once across workers (the scan row is locked):
 * runs the settings and runner rules over the whole organization, merges their findings, and
 * raises drift alerts against the previous completed scan — settings, runners, groups and
 * repositories that changed, new or reintroduced workflow findings at or above the policy's
 * threshold, and exceptions that expired. The first scan of an organization is the baseline and
 * raises none.
 */
@ApplicationScoped
public class ScanCloser {

  private static final Logger LOG = Logger.getLogger(ScanCloser.class);

  private final EntityManager em;
  private final SnapshotStore snapshots;
  private final FindingLedger ledger;
  private final Policies policies;
  private final ScanUnits units;
  private final AuditLog audit;
  private final ScanMetrics metrics;

  ScanCloser(EntityManager em, SnapshotStore snapshots, FindingLedger ledger, Policies policies, ScanUnits units, AuditLog audit,
      ScanMetrics metrics, dev.gatehouse.web.repo.RepositoryStats stats) {
    this.stats = stats;
    this.em = em;
    this.snapshots = snapshots;
    this.ledger = ledger;
    this.policies = policies;
    this.units = units;
    this.audit = audit;
    this.metrics = metrics;
  }

  private final dev.gatehouse.web.repo.RepositoryStats stats;

  /**
   * Which settings findings may be marked fixed: not those of a rule whose input could not be
   * read for that subject (an organization-level input counts for every subject), nor any of a
   * rule that failed. Unknown is not pass — a 403 this scan must not "fix" last scan's finding.
   */
  static java.util.function.BiPredicate<String, String> unknownInputs(OrgScan scan, String login, List<Finding> settings) {
    Map<String, java.util.Set<String>> blocked = new java.util.HashMap<>();
    for (dev.gatehouse.scanner.rule.ControlInputs.Input input : dev.gatehouse.scanner.rule.ControlInputs.of(scan)) {
      if (input.value() instanceof dev.gatehouse.scanner.model.Readable.Unavailable<?>) {
        blocked.computeIfAbsent(input.subject(), k -> new java.util.HashSet<>()).addAll(input.controls());
      }
    }
    java.util.Set<String> failed = new java.util.HashSet<>();
    settings.stream().filter(f -> f.message().startsWith("not evaluated: rule ")).forEach(f -> failed.add(f.ruleId()));
    java.util.Set<String> orgWide = blocked.getOrDefault(login, java.util.Set.of());
    return (subject, rule) -> !failed.contains(rule) && !orgWide.contains(rule)
        && !blocked.getOrDefault(subject, java.util.Set.of()).contains(rule);
  }

  /** Closes the scan if all its units are done and nobody closed it yet; returns the alerts raised. */
  public List<AlertEntity> tryClose(long scanId) {
    return QuarkusTransaction.requiringNew().call(() -> close(scanId));
  }

  private List<AlertEntity> close(long scanId) {
    ScanEntity scan = em.find(ScanEntity.class, scanId, LockModeType.PESSIMISTIC_WRITE);
    if (scan == null || scan.closedAt != null || !ScanEntity.RUNNING.equals(scan.status) || units.remaining(scanId) > 0) {
      return List.of();
    }
    long orgId = scan.organization.id;
    String login = scan.organization.login;
    Instant now = Instant.now();
    Policy policy = policies.effective(orgId);
    OrgSnapshot org = snapshots.org(scanId);
    List<RepoSnapshot> repos = snapshots.repos(scanId);
    Map<String, List<AuditedFile>> files = OrgAudit.parse(repos);
    OrgScan orgScan = new OrgScan(org, repos, files, ActionInventory.of(files), Map.of(), now);
    List<Finding> settings = OrgAudit.withAllRules(policy).auditSettings(orgScan);
    Map<String, List<Finding>> bySubject = new LinkedHashMap<>();
    bySubject.put(login, new ArrayList<>());
    repos.forEach(r -> bySubject.put(r.repository().fullName(), new ArrayList<>()));
    java.util.Set<String> names = SettingsAudit.repositoryNames(orgScan);
    for (Finding f : settings) {
      String subject = SettingsAudit.subjectOf(f.location().file(), login, names);
      bySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(f);
    }
    ledger.mergeAll(orgId, scanId, now, FindingLedger.Scope.SETTINGS, bySubject, unknownInputs(orgScan, login, settings));
    int gone = closeGoneRepositories(orgId, login, scanId, now);

    List<AlertEntity> alerts = new ArrayList<>();
    Optional<OrgSnapshot> previous = snapshots.previousOrg(orgId, scanId);
    if (previous.isPresent()) {
      for (DriftEvent e : DriftDetector.compare(previous.get(), org)) {
        alerts.add(alert(orgId, scanId, now, e.kind(), e.severity().id(), e.subject(), e.before(), e.after(), e.message()));
      }
      Severity threshold = policy.posture().alertThreshold() == null ? Severity.HIGH : policy.posture().alertThreshold();
      @SuppressWarnings("unchecked")
      List<Object[]> changed = em.createNativeQuery("select e.kind, f.rule_id, f.severity, f.subject, f.file, f.line, f.message "
              + "from finding_event e join finding f on f.id = e.finding_id where e.scan_id = ?1 and f.scope = 'workflow' "
              + "and e.kind in ('new', 'reintroduced') and f.suppression_kind is null order by e.id")
          .setParameter(1, scanId).getResultList();
      for (Object[] c : changed) {
        if (Severity.parse((String) c[2]).atLeast(threshold)) {
          String kind = "new".equals(c[0]) ? "finding-new" : "finding-reintroduced";
          alerts.add(alert(orgId, scanId, now, kind, (String) c[2], c[3] + ":" + c[4] + ":" + c[5], null, (String) c[1],
              ("new".equals(c[0]) ? "New " : "Reintroduced ") + c[1] + " in " + c[3] + " " + c[4] + ": " + c[6]));
        }
      }
    }
    @SuppressWarnings("unchecked")
    List<Object[]> expired = em.createNativeQuery("select id, rule_id, coalesce(repo, '*'), owner from rule_exception "
            + "where (organization_id = ?1 or organization_id is null) and expires < ?2 and expired_at is null")
        .setParameter(1, orgId).setParameter(2, LocalDate.now(ZoneOffset.UTC)).getResultList();
    for (Object[] x : expired) {
      em.createNativeQuery("update rule_exception set expired_at = now() where id = ?1").setParameter(1, x[0]).executeUpdate();
      alerts.add(alert(orgId, scanId, now, "exception-expired", "medium", x[1] + " " + x[2], "excepted", "enforced",
          "The exception for " + x[1] + " on " + x[2] + " (owner " + x[3] + ") expired; its findings count again"));
      audit.record("gatehouse", "exception.expired", x[1] + " " + x[2], "owner " + x[3]);
    }
    scan.status = ScanEntity.COMPLETED;
    scan.unitsFailed = units.failedCount(scanId);
    scan.closedAt = now;
    scan.finishedAt = now;
    scan.findingsOpen = (int) FindingEntity.count("organization.id = ?1 and status = ?2 and suppressionKind is null", orgId, FindingEntity.OPEN);
    em.flush();
    stats.refreshOrganization(orgId);
    stats.recordScanCounts(scanId, orgId);
    @SuppressWarnings("unchecked")
    List<Object[]> bySeverity = em.createNativeQuery("select severity, count(*) from finding where organization_id = ?1 "
        + "and status = 'open' and suppression_kind is null group by severity").setParameter(1, orgId).getResultList();
    Map<String, Long> counts = new java.util.HashMap<>();
    bySeverity.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
    metrics.openFindings(login, counts);
    metrics.scanFinished(login, ScanEntity.COMPLETED, java.time.Duration.between(scan.startedAt, now));
    if (scan.unitsFailed > 0) {
      LOG.warnf("Scan %d of %s closed: %d repositories, %d alerts; %d repositories could not be scanned, their findings are "
          + "those of their last successful scan", scanId, login, repos.size(), alerts.size(), scan.unitsFailed);
    } else {
      LOG.infof("Scan %d of %s closed: %d repositories, %d alerts%s", scanId, login, repos.size(), alerts.size(),
          gone > 0 ? ", " + gone + " findings closed with their repositories gone" : "");
    }
    return alerts;
  }

  /**
   * Repositories the organization no longer lists (deleted, transferred, renamed, or no longer
   * granted to the App) are marked gone, and the open findings of every subject that is no longer
   * a listed repository are closed as fixed, with {@code after} saying why. The listing is complete
   * or the scan failed, so a repository is never taken for gone because a page was missing.
   * A repository whose unit failed is still listed: its findings are left alone.
   */
  private int closeGoneRepositories(long orgId, String login, long scanId, Instant now) {
    em.createNativeQuery("update repository set gone_at = ?3 where organization_id = ?1 and last_scan_id is distinct from ?2 "
        + "and gone_at is null").setParameter(1, orgId).setParameter(2, scanId).setParameter(3, now).executeUpdate();
    return em.createNativeQuery("with gone as (update finding f set status = 'fixed', fixed_at = ?4, fixed_scan_id = ?2 "
            + "where f.organization_id = ?1 and f.status = 'open' and f.subject <> ?3 and not exists (select 1 from repository r "
            + "where r.organization_id = ?1 and r.full_name = f.subject and r.last_scan_id = ?2) returning f.id) "
            + "insert into finding_event (finding_id, scan_id, at, kind, before, after) "
            + "select id, ?2, ?4, 'fixed', 'open', '" + GONE + "' from gone")
        .setParameter(1, orgId).setParameter(2, scanId).setParameter(3, login).setParameter(4, now).executeUpdate();
  }

  /** The {@code after} of the fixed event of a finding whose repository left the organization. */
  public static final String GONE = "fixed: the repository is no longer in the organization";

  private AlertEntity alert(long orgId, long scanId, Instant at, String kind, String severity, String subject, String before,
      String after, String message) {
    AlertEntity a = new AlertEntity();
    a.organizationId = orgId;
    a.scanId = scanId;
    a.kind = kind;
    a.severity = severity;
    a.subject = subject;
    a.before = before;
    a.after = after;
    a.message = message;
    a.createdAt = at;
    a.persist();
    return a;
  }
}
