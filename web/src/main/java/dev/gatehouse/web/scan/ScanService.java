package dev.gatehouse.web.scan;

import dev.gatehouse.scanner.collect.GitHubAccess;
import dev.gatehouse.scanner.collect.GitHubReadException;
import dev.gatehouse.scanner.collect.OrgRepositoryLister;
import dev.gatehouse.scanner.model.RepositoryInfo;
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
 * Starts scans and runs them off the request thread. A scan lists the organization's
 * repositories and stores them; the database allows one running scan per organization, so a
 * second request gets the running one back.
 */
@ApplicationScoped
public class ScanService {

  private static final Logger LOG = Logger.getLogger(ScanService.class);
  /** GitHub logins: alphanumerics and single hyphens, at most 39 characters. */
  private static final Pattern LOGIN = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$");

  private final GitHubTarget target;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "gatehouse-scan");
    t.setDaemon(true);
    return t;
  });

  ScanService(GitHubTarget target) {
    this.target = target;
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

  void run(long scanId, String org, GitHubAccess access) {
    try {
      List<RepositoryInfo> repositories = new OrgRepositoryLister(access).list(org);
      QuarkusTransaction.requiringNew().run(() -> store(scanId, repositories));
      LOG.infof("Scan %d of %s completed: %d repositories", scanId, org, repositories.size());
    } catch (GitHubReadException e) {
      LOG.warnf("Scan %d of %s failed: %s", scanId, org, e.getMessage());
      QuarkusTransaction.requiringNew().run(() -> fail(scanId, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.errorf(e, "Scan %d of %s failed", scanId, org);
      QuarkusTransaction.requiringNew().run(() -> fail(scanId, "internal error: " + e.getClass().getSimpleName()));
    }
  }

  private void store(long scanId, List<RepositoryInfo> repositories) {
    ScanEntity scan = ScanEntity.findById(scanId);
    Instant now = Instant.now();
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
      repo.lastScannedAt = now;
      repo.lastScan = scan;
      repo.persist();
    }
    scan.status = ScanEntity.COMPLETED;
    scan.repositoryCount = repositories.size();
    scan.finishedAt = now;
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
