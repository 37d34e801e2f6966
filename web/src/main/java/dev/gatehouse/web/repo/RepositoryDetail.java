package dev.gatehouse.web.repo;

import static dev.gatehouse.web.db.Rows.instant;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.WorkflowBlob;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.scanner.parse.ParseResult;
import dev.gatehouse.scanner.parse.WorkflowParser;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.web.http.Urls;
import dev.gatehouse.web.snapshot.SnapshotJson;
import dev.gatehouse.web.snapshot.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One repository as of its latest scan: effective settings beside the organization's, its
 * workflows, current findings grouped by file with the offending lines in context, and the
 * history of its findings.
 */
@ApplicationScoped
public class RepositoryDetail {

  static final int CONTEXT_LINES = 3;
  static final int HISTORY = 200;

  public record Setting(String name, String organization, String repository, String effective, boolean differs, boolean unknown) {}

  public record WorkflowRow(String path, String name, String triggers, int jobs, String problem, String githubUrl) {}

  public record Line(int number, String text, boolean hit) {}

  public record FindingRow(long id, String ruleId, String severity, String message, int line, String status, String suppression,
      Instant firstSeenAt, List<Line> context) {}

  public record FileFindings(String file, String githubUrl, List<FindingRow> findings) {}

  public record Event(Instant at, String kind, String ruleId, String file, int line, String before, String after, Long scanId) {}

  public record Model(RepositoryQuery.Row repository, String organization, String headSha, Long scanId, Instant scannedAt,
      List<Setting> settings, List<WorkflowRow> workflows, List<FileFindings> files, List<Event> history) {
    public long openFindings() {
      return files.stream().flatMap(f -> f.findings().stream()).filter(f -> f.status().equals("open") && f.suppression() == null).count();
    }
  }

  private final EntityManager em;
  private final SnapshotStore snapshots;
  private final RepositoryQuery query;

  RepositoryDetail(EntityManager em, SnapshotStore snapshots, RepositoryQuery query) {
    this.em = em;
    this.snapshots = snapshots;
    this.query = query;
  }

  @Transactional
  public Optional<Model> of(String org, String name) {
    Optional<RepositoryQuery.Row> row = query.find(org, name);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    RepositoryQuery.Row repo = row.get();
    @SuppressWarnings("unchecked")
    List<Object[]> latest = em.createNativeQuery("select rs.scan_id, cast(rs.snapshot as text), s.started_at from repo_snapshot rs "
            + "join scan s on s.id = rs.scan_id where rs.repository_id = ?1 order by rs.scan_id desc limit 1")
        .setParameter(1, repo.id()).getResultList();
    RepoSnapshot snapshot = latest.isEmpty() ? null : snapshots.withContents(SnapshotJson.repo((String) latest.get(0)[1]));
    Long scanId = latest.isEmpty() ? null : ((Number) latest.get(0)[0]).longValue();
    OrgSnapshot orgSnapshot = scanId == null ? null : snapshots.org(scanId);
    String head = snapshot == null ? null : snapshot.headSha();
    Map<String, List<String>> texts = new LinkedHashMap<>();
    List<WorkflowRow> workflows = snapshot == null ? List.of() : workflows(repo.fullName(), snapshot, head, texts);
    return Optional.of(new Model(repo, org, head, scanId, latest.isEmpty() ? null : instant(latest.get(0)[2]),
        snapshot == null || orgSnapshot == null ? List.of() : settings(orgSnapshot, snapshot),
        workflows, findings(org, repo.fullName(), head, texts), history(org, repo.fullName())));
  }

  private List<WorkflowRow> workflows(String fullName, RepoSnapshot snapshot, String head, Map<String, List<String>> texts) {
    List<WorkflowRow> rows = new ArrayList<>();
    if (!(snapshot.files() instanceof Readable.Available<List<WorkflowBlob>> files)) {
      rows.add(new WorkflowRow(".github/workflows", null, "", 0, "not read: " + snapshot.files().reason(), null));
      return rows;
    }
    WorkflowParser parser = new WorkflowParser();
    for (WorkflowBlob blob : files.value()) {
      if (blob.text() == null) {
        rows.add(new WorkflowRow(blob.path(), null, "", 0, blob.problem() == null ? "contents not stored" : blob.problem(), url(fullName, head, blob.path())));
        continue;
      }
      texts.put(blob.path(), blob.text().lines().toList());
      if (!blob.path().startsWith(".github/workflows/")) {
        continue; // a local action.yml: shown with its findings, not as a workflow
      }
      ParseResult parsed = parser.parse(new SourceFile(blob.path(), blob.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      if (parsed instanceof ParseResult.Parsed p && p.file() instanceof Workflow w) {
        rows.add(new WorkflowRow(blob.path(), w.name(), String.join(", ", w.triggers().stream().map(t -> t.event()).toList()),
            w.jobs().size(), null, url(fullName, head, blob.path())));
      } else if (parsed instanceof ParseResult.Failed f) {
        rows.add(new WorkflowRow(blob.path(), null, "", 0, f.message(), url(fullName, head, blob.path())));
      }
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private List<FileFindings> findings(String org, String fullName, String head, Map<String, List<String>> texts) {
    List<Object[]> rows = em.createNativeQuery("select f.id, f.rule_id, f.severity, f.message, f.file, f.line, f.status, "
            + "f.suppression_kind, f.first_seen_at from finding f join organization o on o.id = f.organization_id "
            + "where o.login = ?1 and f.subject = ?2 and (f.status = 'open' or f.fixed_at > now() - interval '30 days') "
            + "order by f.file, f.line, f.id")
        .setParameter(1, org).setParameter(2, fullName).getResultList();
    Map<String, List<FindingRow>> byFile = new LinkedHashMap<>();
    for (Object[] r : rows) {
      String file = (String) r[4];
      int line = ((Number) r[5]).intValue();
      byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(new FindingRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
          (String) r[3], line, (String) r[6], (String) r[7], instant(r[8]), context(texts.get(file), line)));
    }
    List<FileFindings> files = new ArrayList<>();
    byFile.forEach((file, list) -> files.add(new FileFindings(file, texts.containsKey(file) ? url(fullName, head, file) : null, list)));
    return files;
  }

  @SuppressWarnings("unchecked")
  private List<Event> history(String org, String fullName) {
    List<Object[]> rows = em.createNativeQuery("select e.at, e.kind, f.rule_id, f.file, f.line, e.before, e.after, e.scan_id "
            + "from finding_event e join finding f on f.id = e.finding_id join organization o on o.id = f.organization_id "
            + "where o.login = ?1 and f.subject = ?2 order by e.at desc, e.id desc limit " + HISTORY)
        .setParameter(1, org).setParameter(2, fullName).getResultList();
    return rows.stream().map(r -> new Event(instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
        ((Number) r[4]).intValue(), (String) r[5], (String) r[6], r[7] == null ? null : ((Number) r[7]).longValue())).toList();
  }

  /** Lines around {@code line} (1-based); empty when the file's text is not stored or the line is 0 (a whole-file finding). */
  static List<Line> context(List<String> lines, int line) {
    if (lines == null || line < 1 || line > lines.size()) {
      return List.of();
    }
    List<Line> out = new ArrayList<>();
    for (int n = Math.max(1, line - CONTEXT_LINES); n <= Math.min(lines.size(), line + CONTEXT_LINES); n++) {
      String text = lines.get(n - 1);
      out.add(new Line(n, text.length() > 300 ? text.substring(0, 300) + "…" : text, n == line));
    }
    return out;
  }

  static List<Setting> settings(OrgSnapshot org, RepoSnapshot repo) {
    List<Setting> rows = new ArrayList<>();
    rows.add(setting("Allowed actions", org.actionsPermissions(), repo.actionsPermissions(), ActionsPermissions::allowedActions));
    rows.add(setting("SHA pinning required", org.actionsPermissions(), repo.actionsPermissions(),
        p -> p.shaPinningRequired() == null ? "not reported" : p.shaPinningRequired().toString()));
    rows.add(setting("Default GITHUB_TOKEN", org.workflowDefaults(), repo.workflowDefaults(), WorkflowTokenDefaults::defaultWorkflowPermissions));
    rows.add(setting("Actions can approve pull requests", org.workflowDefaults(), repo.workflowDefaults(),
        d -> Boolean.toString(d.canApprovePullRequestReviews())));
    rows.add(setting("Fork PR approval", org.forkPrApprovalPolicy(), repo.forkPrApprovalPolicy(), Function.identity()));
    rows.add(setting("Private fork PRs: send secrets", org.privateForkPr(), repo.privateForkPr(), p -> Boolean.toString(p.sendSecretsAndVariables())));
    rows.add(setting("Private fork PRs: write tokens", org.privateForkPr(), repo.privateForkPr(), p -> Boolean.toString(p.sendWriteTokensToWorkflows())));
    rows.add(setting("Private fork PRs: require approval", org.privateForkPr(), repo.privateForkPr(),
        p -> Boolean.toString(p.requireApprovalForForkPrWorkflows())));
    return rows;
  }

  /** A repository value overrides the organization's when read; unreadable stays unknown, never a default. */
  private static <T> Setting setting(String name, Readable<T> org, Readable<T> repo, Function<T, String> show) {
    String o = show(org, show);
    String r = show(repo, show);
    boolean unknown = repo instanceof Readable.Unavailable || (!repo.available() && org instanceof Readable.Unavailable);
    String effective = repo.available() ? r : org.available() && repo instanceof Readable.NotApplicable ? o : unknown ? "not evaluated" : r;
    boolean differs = org.available() && repo.available() && !o.equals(r);
    return new Setting(name, o, r, effective, differs, unknown);
  }

  private static <T> String show(Readable<T> value, Function<T, String> show) {
    if (value instanceof Readable.Available<T> a) {
      return String.valueOf(show.apply(a.value()));
    }
    if (value instanceof Readable.Unavailable<T> u) {
      return "not evaluated (" + u.status() + ": " + u.reason() + ")";
    }
    return "not applicable (" + value.reason() + ")";
  }

  private static String url(String fullName, String head, String path) {
    if (head == null) {
      return null;
    }
    return "https://github.com/" + Urls.path(fullName) + "/blob/" + head + "/" + Urls.path(path);
  }
}
