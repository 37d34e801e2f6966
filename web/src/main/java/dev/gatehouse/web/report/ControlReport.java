package dev.gatehouse.web.report;

import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.rule.ControlInputs;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.web.finding.FindingHistory;
import dev.gatehouse.web.scan.ScanEntity;
import dev.gatehouse.web.snapshot.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compliance report: each control pass, fail or not evaluated for an organization's latest
 * completed scan, with the evidence behind it. A control fails with an open, unsuppressed
 * finding of one of its rules; otherwise it is not evaluated when a setting one of its rules
 * reads could not be read in that scan; only then does it pass.
 */
@ApplicationScoped
public class ControlReport {

  public record Evidence(String ruleId, long openFindings, String link) {}

  public record ControlResult(String control, String title, String status, String reason, List<Evidence> evidence) {}

  public record Report(String organization, long scanId, Instant scannedAt, List<ControlResult> controls) {}

  private final EntityManager em;
  private final SnapshotStore snapshots;

  ControlReport(EntityManager em, SnapshotStore snapshots) {
    this.em = em;
    this.snapshots = snapshots;
  }

  @Transactional
  public Report build(String org) {
    ScanEntity scan = ScanEntity.<ScanEntity>find("organization.login = ?1 and status = ?2 and closedAt is not null order by id desc",
        org, ScanEntity.COMPLETED).firstResult();
    if (scan == null) {
      return null;
    }
    // Built once per completed scan: its snapshots never change, and findings change only when a scan closes.
    return reports.get(org, scan.id, () -> compute(org, scan));
  }

  private final dev.gatehouse.web.scan.PerScanCache<Report> reports = new dev.gatehouse.web.scan.PerScanCache<>();

  private Report compute(String org, ScanEntity scan) {
    OrgScan orgScan = new OrgScan(snapshots.org(scan.id), snapshots.repos(scan.id, false), Map.of(),
        new dev.gatehouse.scanner.model.ActionInventory(List.of()), Map.of(), scan.closedAt);
    List<ControlInputs.Input> inputs = ControlInputs.of(orgScan);
    Map<String, Long> openByRule = openAsOf(scan);
    List<ControlResult> results = new ArrayList<>();
    for (ComplianceControl control : ComplianceControl.values()) {
      List<Evidence> evidence = new ArrayList<>();
      long failing = 0;
      for (String rule : control.rules()) {
        long open = openByRule.getOrDefault(rule, 0L);
        failing += open;
        if (open > 0) {
          evidence.add(new Evidence(rule, open, "/api/v1/findings?organization=" + org + "&rule=" + rule + "&status=open"));
        }
      }
      if (failing > 0) {
        results.add(new ControlResult(control.name(), control.title(), "fail", failing + " open finding(s)", evidence));
        continue;
      }
      ControlInputs.Input missing = inputs.stream()
          .filter(i -> i.value() instanceof Readable.Unavailable && i.controls().stream().anyMatch(control.rules()::contains))
          .findFirst().orElse(null);
      results.add(missing == null
          ? new ControlResult(control.name(), control.title(), "pass", "no open finding; every input read", evidence)
          : new ControlResult(control.name(), control.title(), "not_evaluated",
              missing.what() + " could not be read: " + missing.value().reason(), evidence));
    }
    return new Report(org, scan.id, scan.closedAt, results);
  }

  /**
   * Open, unsuppressed findings per rule as they stood when the scan closed, from the findings'
   * event history: the report may first be built while the next scan is running and merging its
   * findings, and must not count that scan's half. Findings fixed before the close (their last
   * lifecycle event) are skipped without reading their history.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Long> openAsOf(ScanEntity scan) {
    List<Object[]> rows = em.createNativeQuery("select f.rule_id, count(*) from finding f"
            + FindingHistory.lifecycleAt("?2") + FindingHistory.suppressionAt("?2")
            + "where f.organization_id = ?1 and f.first_seen_at <= ?2 and not (f.status = 'fixed' and f.fixed_at <= ?2) "
            + "and st.kind <> 'fixed' and (sup.kind is null or sup.kind = 'unsuppressed') group by f.rule_id")
        .setParameter(1, scan.organization.id).setParameter(2, scan.closedAt).getResultList();
    Map<String, Long> open = new java.util.HashMap<>();
    rows.forEach(r -> open.put((String) r[0], ((Number) r[1]).longValue()));
    return open;
  }
}
