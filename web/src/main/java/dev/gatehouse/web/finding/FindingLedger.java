package dev.gatehouse.web.finding;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Suppression;
import dev.gatehouse.web.org.OrganizationEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges what a scan found for one subject (a repository, or the organization) and scope
 * (findings from its workflow files, or from its settings and runners, which a scan audits at
 * different times) into
 * the findings history by fingerprint: new findings are opened, seen ones stay open (severity
 * and suppression changes recorded), fixed ones that come back are reintroduced, and open ones
 * that are gone are fixed — but only when the subject was audited completely, so an unreadable
 * file never makes its findings look fixed.
 */
@ApplicationScoped
public class FindingLedger {

  /** Which rules produced the findings of a merge. */
  public enum Scope {
    WORKFLOW, SETTINGS;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What one merge changed. */
  public record Outcome(int opened, int stillOpen, int fixed, int reintroduced, int severityChanged) {}

  @Transactional
  public Outcome merge(long organizationId, long scanId, Instant at, String subject, Scope scope, List<Finding> findings,
      boolean complete) {
    Map<String, FindingEntity> known = new HashMap<>();
    FindingEntity.<FindingEntity>list("organization.id = ?1 and subject = ?2 and scope = ?3", organizationId, subject, scope.id())
        .forEach(f -> known.put(f.fingerprint, f));
    return merge(organizationId, scanId, at, subject, scope, findings, rule -> complete, known);
  }

  /**
   * Merges many subjects of one scope at once (every repository's settings findings at scan
   * close): the known findings are read in one query, and subjects with neither findings nor
   * history cost nothing.
   */
  @Transactional
  public void mergeAll(long organizationId, long scanId, Instant at, Scope scope, Map<String, List<Finding>> bySubject,
      java.util.function.BiPredicate<String, String> mayFix) {
    Map<String, Map<String, FindingEntity>> known = new HashMap<>();
    FindingEntity.<FindingEntity>list("organization.id = ?1 and scope = ?2", organizationId, scope.id())
        .forEach(f -> known.computeIfAbsent(f.subject, k -> new HashMap<>()).put(f.fingerprint, f));
    for (Map.Entry<String, List<Finding>> e : bySubject.entrySet()) {
      Map<String, FindingEntity> rows = known.getOrDefault(e.getKey(), new HashMap<>());
      if (!e.getValue().isEmpty() || !rows.isEmpty()) {
        String subject = e.getKey();
        merge(organizationId, scanId, at, subject, scope, e.getValue(), rule -> mayFix.test(subject, rule), rows);
      }
    }
  }

  private Outcome merge(long organizationId, long scanId, Instant at, String subject, Scope scope, List<Finding> findings,
      java.util.function.Predicate<String> mayFixRule, Map<String, FindingEntity> known) {
    OrganizationEntity org = OrganizationEntity.getEntityManager().getReference(OrganizationEntity.class, organizationId);
    // Events are written after all findings, so inserts of each table stay in JDBC batches.
    List<FindingEventEntity> events = new java.util.ArrayList<>();
    Set<String> seen = new HashSet<>();
    int opened = 0;
    int stillOpen = 0;
    int reintroduced = 0;
    int severityChanged = 0;
    for (Finding f : findings) {
      if (!seen.add(f.fingerprint())) {
        continue; // the same identity twice in one scan is one finding
      }
      FindingEntity row = known.get(f.fingerprint());
      if (row == null) {
        row = new FindingEntity();
        row.organization = org;
        row.subject = subject;
        row.scope = scope.id();
        row.fingerprint = f.fingerprint();
        row.firstSeenScanId = scanId;
        row.firstSeenAt = at;
        row.status = FindingEntity.OPEN;
        copy(row, f, scanId, at);
        row.persist();
        events.add(FindingEventEntity.of(row, scanId, at, "new", null, row.severity));
        if (row.suppressionKind != null) {
          events.add(FindingEventEntity.of(row, scanId, at, "suppressed", null,
              suppression(row.suppressionKind, row.suppressionReason, row.suppressionOwner)));
        }
        opened++;
        continue;
      }
      if (FindingEntity.FIXED.equals(row.status)) {
        row.status = FindingEntity.OPEN;
        row.reintroducedCount++;
        row.fixedAt = null;
        row.fixedScanId = null;
        events.add(FindingEventEntity.of(row, scanId, at, "reintroduced", FindingEntity.FIXED, FindingEntity.OPEN));
        reintroduced++;
      } else {
        stillOpen++;
      }
      String severity = f.severity().id();
      if (!severity.equals(row.severity)) {
        events.add(FindingEventEntity.of(row, scanId, at, "severity_changed", row.severity, severity));
        severityChanged++;
      }
      String before = suppression(row.suppressionKind, row.suppressionReason, row.suppressionOwner);
      String after = f.suppression() == null ? null : suppression(kind(f.suppression()), f.suppression().reason(), f.suppression().owner());
      if (!Objects.equals(before, after)) {
        events.add(FindingEventEntity.of(row, scanId, at, after == null ? "unsuppressed" : "suppressed", before, after));
      }
      copy(row, f, scanId, at);
    }
    int fixed = 0;
    for (FindingEntity row : known.values()) {
      // Gone from this scan is fixed only when the rule could read everything it needs here.
      if (FindingEntity.OPEN.equals(row.status) && !seen.contains(row.fingerprint) && mayFixRule.test(row.ruleId)) {
        row.status = FindingEntity.FIXED;
        row.fixedAt = at;
        row.fixedScanId = scanId;
        events.add(FindingEventEntity.of(row, scanId, at, "fixed", FindingEntity.OPEN, FindingEntity.FIXED));
        fixed++;
      }
    }
    events.forEach(e -> e.persist());
    return new Outcome(opened, stillOpen, fixed, reintroduced, severityChanged);
  }

  private static void copy(FindingEntity row, Finding f, long scanId, Instant at) {
    row.ruleId = f.ruleId();
    row.severity = f.severity().id();
    row.confidence = f.confidence().id();
    row.message = f.message();
    row.file = f.location().file();
    row.line = f.location().line();
    row.column = f.location().column();
    row.path = f.location().path() == null ? "" : f.location().path();
    Suppression s = f.suppression();
    row.suppressionKind = s == null ? null : kind(s);
    row.suppressionReason = s == null ? null : s.reason();
    row.suppressionOwner = s == null ? null : s.owner();
    row.suppressionExpires = s == null ? null : s.expires();
    row.lastSeenScanId = scanId;
    row.lastSeenAt = at;
  }

  private static String kind(Suppression s) {
    return s.kind().name().toLowerCase(Locale.ROOT);
  }

  /** Who suppressed it and why, as recorded in the event log. */
  private static String suppression(String kind, String reason, String owner) {
    return kind == null ? null : kind + ": " + reason + (owner == null ? "" : " (" + owner + ")");
  }
}
