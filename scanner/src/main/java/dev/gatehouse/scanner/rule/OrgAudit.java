package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.model.WorkflowBlob;
import dev.gatehouse.scanner.parse.ParseResult;
import dev.gatehouse.scanner.parse.WorkflowParser;
import dev.gatehouse.scanner.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audits a whole organization scan: every repository's workflow and action files under the
 * settings they run under, then the settings and runner rules. Findings are grouped by subject
 * (repository full name, or the organization login for org-level settings).
 */
public final class OrgAudit {

  private final AuditEngine workflows;
  private final SettingsAudit settings;

  public OrgAudit(AuditEngine workflows, SettingsAudit settings) {
    this.workflows = workflows;
    this.settings = settings;
  }

  public static OrgAudit withAllRules(Policy policy) {
    return new OrgAudit(AuditEngine.withAllRules(policy), SettingsAudit.withAllRules(policy));
  }

  /**
   * Parses every readable blob once, for both the inventory and the rules; identical files (same
   * blob SHA at the same path, common across an organization's templated workflows) are parsed
   * once and shared, since the model is immutable.
   */
  public static Map<String, List<AuditedFile>> parse(List<RepoSnapshot> repos) {
    WorkflowParser parser = new WorkflowParser();
    Map<String, AuditedFile> bySha = new java.util.HashMap<>();
    Map<String, List<AuditedFile>> files = new LinkedHashMap<>();
    for (RepoSnapshot repo : repos) {
      List<AuditedFile> parsed = new ArrayList<>();
      for (WorkflowBlob blob : repo.files().orNull() == null ? List.<WorkflowBlob>of() : repo.files().orNull()) {
        if (blob.text() == null) {
          continue;
        }
        String key = blob.blobSha() == null ? null : blob.blobSha() + ":" + blob.path();
        AuditedFile cached = key == null ? null : bySha.get(key);
        if (cached == null && parser.parse(source(blob)) instanceof ParseResult.Parsed p) {
          cached = p.file();
          if (key != null) {
            bySha.put(key, cached);
          }
        }
        if (cached != null) {
          parsed.add(cached);
        }
      }
      files.put(repo.repository().fullName(), parsed);
    }
    return files;
  }

  /** Uses the files the scan already parsed; re-reads only those that failed, to report why. */
  public Map<String, List<Finding>> audit(OrgScan scan) {
    Map<String, List<Finding>> bySubject = new LinkedHashMap<>();
    for (RepoSnapshot repo : scan.repos()) {
      bySubject.put(repo.repository().fullName(), auditRepository(scan, repo));
    }
    java.util.Set<String> repositories = SettingsAudit.repositoryNames(scan);
    for (Finding f : settings.audit(scan)) {
      bySubject.computeIfAbsent(SettingsAudit.subjectOf(f.location().file(), scan.org().login(), repositories),
          k -> new ArrayList<>()).add(f);
    }
    return bySubject;
  }

  /** The workflow-rule findings of one repository, under the settings it runs under. */
  public List<Finding> auditRepository(OrgScan scan, RepoSnapshot repo) {
    String name = repo.repository().fullName();
    RepoContext context = RepoContexts.of(scan, repo);
    Map<String, AuditedFile> parsed = new LinkedHashMap<>();
    scan.files().getOrDefault(name, List.of()).forEach(f -> parsed.put(f.path(), f));
    List<Finding> findings = new ArrayList<>();
    if (repo.files() instanceof Readable.Available<List<WorkflowBlob>> files) {
      for (WorkflowBlob blob : files.value()) {
        if (blob.text() == null) {
          findings.addAll(workflows.unreadable(context, blob.path(), "could not read the file: " + blob.problem()));
        } else if (parsed.containsKey(blob.path())) {
          findings.addAll(workflows.auditParsed(context, parsed.get(blob.path())));
        } else {
          findings.addAll(workflows.auditFile(context, source(blob)));
        }
      }
    }
    return findings;
  }

  /** The settings and runner findings of the whole organization. */
  public List<Finding> auditSettings(OrgScan scan) {
    return settings.audit(scan);
  }

  private static SourceFile source(WorkflowBlob blob) {
    return new SourceFile(blob.path(), blob.text().getBytes(StandardCharsets.UTF_8));
  }
}
