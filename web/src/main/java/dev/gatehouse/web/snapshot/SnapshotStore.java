package dev.gatehouse.web.snapshot;

import dev.gatehouse.scanner.collect.RepoCollector;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.WorkflowBlob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each scan read: the organization's snapshot, each repository's snapshot, and workflow and
 * action file contents stored once per blob SHA (a snapshot refers to them by SHA), so a nightly
 * scan of an unchanged organization adds rows, not copies of every file.
 */
@ApplicationScoped
public class SnapshotStore {

  private final EntityManager em;

  SnapshotStore(EntityManager em) {
    this.em = em;
  }

  public void saveOrg(long scanId, long organizationId, OrgSnapshot org) {
    em.createNativeQuery("insert into org_snapshot (scan_id, organization_id, snapshot) values (?1, ?2, cast(?3 as jsonb))")
        .setParameter(1, scanId).setParameter(2, organizationId).setParameter(3, SnapshotJson.write(org)).executeUpdate();
  }

  /**
   * A scan's organization snapshot. It is written once and never changes, and it carries every
   * repository of the organization (megabytes at 10,000 repositories), so the last few parsed are
   * kept: the repository page, settings, runners and control report views read it per request.
   */
  public OrgSnapshot org(long scanId) {
    synchronized (recentOrgs) {
      OrgSnapshot cached = recentOrgs.get(scanId);
      if (cached != null) {
        return cached;
      }
    }
    OrgSnapshot org = SnapshotJson.org((String) em.createNativeQuery("select cast(snapshot as text) from org_snapshot where scan_id = ?1")
        .setParameter(1, scanId).getSingleResult());
    synchronized (recentOrgs) {
      recentOrgs.put(scanId, org);
    }
    return org;
  }

  private static final int RECENT_ORGS = 8;
  private final Map<Long, OrgSnapshot> recentOrgs = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, OrgSnapshot> eldest) {
      return size() > RECENT_ORGS;
    }
  };

  /** The organization snapshot of the last completed scan before {@code scanId}, if any. */
  @SuppressWarnings("unchecked")
  public Optional<OrgSnapshot> previousOrg(long organizationId, long scanId) {
    List<String> rows = em.createNativeQuery("select cast(o.snapshot as text) from org_snapshot o join scan s on s.id = o.scan_id "
            + "where o.organization_id = ?1 and o.scan_id < ?2 and s.status = 'completed' order by o.scan_id desc limit 1")
        .setParameter(1, organizationId).setParameter(2, scanId).getResultList();
    return rows.stream().findFirst().map(SnapshotJson::org);
  }

  /**
   * Advisory lock between storing snapshots (shared, so they never wait on each other) and
   * retention's blob pruning (exclusive): without it, a blob this transaction found already stored
   * could be pruned before the snapshot referring to it commits.
   */
  public static final long BLOBS_LOCK = 0x6761746568626c6fL;

  /** Stores a repository's snapshot; file texts go to workflow_blob once per SHA. Idempotent per scan. */
  public void saveRepo(long scanId, long repositoryId, RepoSnapshot repo) {
    List<WorkflowBlob> files = repo.files().orNull();
    Readable<List<WorkflowBlob>> stripped = repo.files();
    if (files != null && !files.isEmpty()) {
      em.createNativeQuery("select pg_advisory_xact_lock_shared(?1)").setParameter(1, BLOBS_LOCK).getSingleResult();
    }
    if (files != null) {
      List<WorkflowBlob> refs = new ArrayList<>();
      for (WorkflowBlob f : files) {
        if (f.text() != null && f.blobSha() != null) {
          saveBlob(f.blobSha(), f.text());
          refs.add(new WorkflowBlob(f.path(), f.blobSha(), null, null));
        } else {
          refs.add(f);
        }
      }
      stripped = Readable.of(refs);
    }
    RepoSnapshot slim = new RepoSnapshot(repo.repository(), repo.headSha(), repo.contentsReused(), stripped, repo.actionsPermissions(),
        repo.selectedActions(), repo.workflowDefaults(), repo.forkPrApprovalPolicy(), repo.privateForkPr(), repo.accessLevel(),
        repo.runners(), repo.environments());
    em.createNativeQuery("insert into repo_snapshot (scan_id, repository_id, head_sha, contents_reused, snapshot) "
            + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb)) on conflict (scan_id, repository_id) do nothing")
        .setParameter(1, scanId).setParameter(2, repositoryId).setParameter(3, repo.headSha())
        .setParameter(4, repo.contentsReused()).setParameter(5, SnapshotJson.write(slim)).executeUpdate();
  }

  /**
   * Stores a file's text once per SHA. A text with NUL characters (a binary file committed as a
   * workflow) goes byte-exact to {@code binary_content}: PostgreSQL text cannot hold NUL, and
   * changing the text would change what the rules saw.
   */
  private void saveBlob(String sha, String text) {
    boolean binary = text.indexOf('\0') >= 0;
    em.createNativeQuery("insert into workflow_blob (sha, " + (binary ? "binary_content" : "content") + ") values (?1, ?2) "
            + "on conflict (sha) do nothing")
        .setParameter(1, sha).setParameter(2, binary ? text.getBytes(StandardCharsets.UTF_8) : text).executeUpdate();
  }

  /** Every repository snapshot of a scan, with file texts restored (contents fetched in bulk, once per SHA). */
  public List<RepoSnapshot> repos(long scanId) {
    return repos(scanId, true);
  }

  /** As {@link #repos(long)}; without contents, files carry only path and blob SHA (enough for settings and reports). */
  @SuppressWarnings("unchecked")
  public List<RepoSnapshot> repos(long scanId, boolean withContents) {
    List<String> rows = em.createNativeQuery("select cast(snapshot as text) from repo_snapshot where scan_id = ?1 order by repository_id")
        .setParameter(1, scanId).getResultList();
    List<RepoSnapshot> slim = new ArrayList<>(rows.size());
    java.util.Set<String> shas = new java.util.HashSet<>();
    for (String row : rows) {
      RepoSnapshot repo = SnapshotJson.repo(row);
      slim.add(repo);
      if (withContents && repo.files() instanceof Readable.Available<List<WorkflowBlob>> f) {
        f.value().stream().filter(b -> b.text() == null && b.problem() == null && b.blobSha() != null).forEach(b -> shas.add(b.blobSha()));
      }
    }
    if (!withContents) {
      return slim;
    }
    Map<String, String> contents = contents(shas);
    List<RepoSnapshot> repos = new ArrayList<>(slim.size());
    for (RepoSnapshot repo : slim) {
      repos.add(withTexts(repo, contents));
    }
    return repos;
  }

  /** A stored snapshot with its file texts restored from the blob table. */
  public RepoSnapshot withContents(RepoSnapshot repo) {
    java.util.Set<String> shas = new java.util.HashSet<>();
    if (repo.files() instanceof Readable.Available<List<WorkflowBlob>> f) {
      f.value().stream().filter(b -> b.text() == null && b.problem() == null && b.blobSha() != null).forEach(b -> shas.add(b.blobSha()));
    }
    return shas.isEmpty() ? repo : withTexts(repo, contents(shas));
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> contents(java.util.Collection<String> shas) {
    Map<String, String> contents = new HashMap<>();
    List<String> all = new ArrayList<>(shas);
    for (int i = 0; i < all.size(); i += 1000) {
      List<Object[]> rows = em.createNativeQuery("select sha, content, binary_content from workflow_blob where sha in (?1)")
          .setParameter(1, all.subList(i, Math.min(all.size(), i + 1000))).getResultList();
      rows.forEach(r -> contents.put((String) r[0], r[1] != null ? (String) r[1] : new String((byte[]) r[2], StandardCharsets.UTF_8)));
    }
    return contents;
  }

  /** What earlier scans stored for these repositories (by id): head and files, for incremental reading. */
  @SuppressWarnings("unchecked")
  public Map<String, RepoCollector.Known> known(List<Long> repositoryIds, long beforeScanId) {
    Map<String, RepoCollector.Known> known = new HashMap<>();
    if (repositoryIds.isEmpty()) {
      return known;
    }
    List<String> rows = em.createNativeQuery("select distinct on (repository_id) cast(snapshot as text) from repo_snapshot "
            + "where repository_id in (?1) and scan_id < ?2 order by repository_id, scan_id desc")
        .setParameter(1, repositoryIds).setParameter(2, beforeScanId).getResultList();
    List<RepoSnapshot> slim = rows.stream().map(SnapshotJson::repo).toList();
    java.util.Set<String> shas = new java.util.HashSet<>();
    for (RepoSnapshot r : slim) {
      if (r.files() instanceof Readable.Available<List<WorkflowBlob>> f) {
        f.value().stream().filter(b -> b.blobSha() != null).forEach(b -> shas.add(b.blobSha()));
      }
    }
    Map<String, String> contents = contents(shas);
    for (RepoSnapshot stored : slim) {
      RepoSnapshot repo = withTexts(stored, contents);
      if (repo.headSha() != null && repo.files() instanceof Readable.Available<List<WorkflowBlob>> f
          && f.value().stream().allMatch(WorkflowBlob::settled)) {
        known.put(repo.repository().fullName(), new RepoCollector.Known(repo.headSha(), f.value()));
      }
    }
    return known;
  }

  private static RepoSnapshot withTexts(RepoSnapshot repo, Map<String, String> contents) {
    if (!(repo.files() instanceof Readable.Available<List<WorkflowBlob>> f)) {
      return repo;
    }
    List<WorkflowBlob> full = new ArrayList<>();
    for (WorkflowBlob b : f.value()) {
      if (b.text() == null && b.problem() == null && b.blobSha() != null) {
        String text = contents.get(b.blobSha());
        full.add(text == null ? new WorkflowBlob(b.path(), b.blobSha(), null, "stored content missing") : new WorkflowBlob(b.path(), b.blobSha(), text, null));
      } else {
        full.add(b);
      }
    }
    return new RepoSnapshot(repo.repository(), repo.headSha(), repo.contentsReused(), Readable.of(full), repo.actionsPermissions(),
        repo.selectedActions(), repo.workflowDefaults(), repo.forkPrApprovalPolicy(), repo.privateForkPr(), repo.accessLevel(),
        repo.runners(), repo.environments());
  }
}
