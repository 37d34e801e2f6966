package dev.gatehouse.web.scan;

import dev.gatehouse.scanner.collect.GitHubAccess;
import dev.gatehouse.scanner.collect.GitHubReadException;
import dev.gatehouse.scanner.collect.GitHubClient;
import dev.gatehouse.scanner.collect.OrgCollector;
import dev.gatehouse.scanner.collect.RepoCollector;
import dev.gatehouse.scanner.collect.ScanMeter;
import dev.gatehouse.scanner.model.ActionInventory;
import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.OrgAudit;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.web.finding.FindingEntity;
import dev.gatehouse.web.finding.FindingLedger;
import dev.gatehouse.web.policy.PolicyHolder;
import java.util.Map;
import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.repo.RepositoryEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
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
  private final FindingLedger ledger;
  private final PolicyHolder policy;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "gatehouse-scan");
    t.setDaemon(true);
    return t;
  });

  ScanService(GitHubTarget target, FindingLedger ledger, PolicyHolder policy) {
    this.target = target;
    this.ledger = ledger;
    this.policy = policy;
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
   * Reads the organization through the collector, audits it with every rule under the policy,
   * and stores repositories and findings (merged into history by fingerprint).
   */
  void run(long scanId, String org, GitHubAccess access) {
    try {
      GitHubClient client = target.client();
      ScanMeter meter = new ScanMeter();
      OrgSnapshot snapshot = new OrgCollector(client).collect(org, meter);
      List<RepoSnapshot> repos = new RepoCollector(client, target.concurrency(), 50).collect(org, snapshot.repositories(), Map.of(), meter);
      Map<String, List<AuditedFile>> files = OrgAudit.parse(repos);
      Instant at = Instant.now();
      OrgScan scan = new OrgScan(snapshot, repos, files, ActionInventory.of(files), Map.of(), at);
      Map<String, List<Finding>> findings = OrgAudit.withAllRules(policy.current()).audit(scan);
      long orgId = QuarkusTransaction.requiringNew().call(() -> store(scanId, snapshot.repositories(), at));
      for (RepoSnapshot repo : repos) {
        String name = repo.repository().fullName();
        List<Finding> all = findings.getOrDefault(name, List.of());
        ledger.merge(orgId, scanId, at, name, FindingLedger.Scope.WORKFLOW, all.stream().filter(f -> workflowRule(f)).toList(),
            repo.files().available());
        ledger.merge(orgId, scanId, at, name, FindingLedger.Scope.SETTINGS, all.stream().filter(f -> !workflowRule(f)).toList(), true);
      }
      ledger.merge(orgId, scanId, at, org, FindingLedger.Scope.SETTINGS, findings.getOrDefault(org, List.of()), true);
      QuarkusTransaction.requiringNew().run(() -> complete(scanId, meter));
      LOG.infof("Scan %d of %s completed: %d repositories, %d requests, %d rate-limit points", scanId, org,
          snapshot.repositories().size(), meter.requests(), meter.points());
    } catch (GitHubReadException e) {
      LOG.warnf("Scan %d of %s failed: %s", scanId, org, e.getMessage());
      QuarkusTransaction.requiringNew().run(() -> fail(scanId, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.errorf(e, "Scan %d of %s failed", scanId, org);
      QuarkusTransaction.requiringNew().run(() -> fail(scanId, "internal error: " + e.getClass().getSimpleName()));
    }
  }

  private static boolean workflowRule(Finding f) {
    RuleInfo info = RuleRegistry.info(f.ruleId());
    return info == null || info.target() == Target.WORKFLOW;
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
      repo.lastScan = scan;
      repo.persist();
    }
    scan.repositoryCount = repositories.size();
    return scan.organization.id;
  }

  private void complete(long scanId, ScanMeter meter) {
    ScanEntity scan = ScanEntity.findById(scanId);
    scan.status = ScanEntity.COMPLETED;
    scan.finishedAt = Instant.now();
    scan.requests = (int) meter.requests();
    scan.rateLimitPoints = (int) meter.points();
    scan.notModified = (int) meter.notModified();
    scan.findingsOpen = (int) FindingEntity.count("organization = ?1 and status = ?2 and suppressionKind is null",
        scan.organization, FindingEntity.OPEN);
  }

  private void fail(long scanId, String error) {
    ScanEntity scan = ScanEntity.findById(scanId);
    scan.status = ScanEntity.FAILED;
    scan.error = error;
    scan.finishedAt = Instant.now();
  }

  /**
   * Marks scans left running by a stopped process as failed, so the organization can be scanned
   * again. Resumable, leased work units replace this when scans become multi-replica.
   */
  public int failInterrupted() {
    return QuarkusTransaction.requiringNew().call(() -> (int) ScanEntity.update(
        "status = ?1, error = ?2, finishedAt = ?3 where status = ?4",
        ScanEntity.FAILED, "interrupted: the service stopped before the scan finished", Instant.now(), ScanEntity.RUNNING));
  }

  public Optional<ScanView> find(long id) {
    return QuarkusTransaction.joiningExisting().call(() -> ScanEntity.<ScanEntity>findByIdOptional(id).map(ScanView::of));
  }

  public Optional<ScanView> latest(String org) {
    return QuarkusTransaction.joiningExisting().call(() -> ScanEntity.<ScanEntity>find(
        "organization.login = ?1 order by startedAt desc", org).firstResultOptional().map(ScanView::of));
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
