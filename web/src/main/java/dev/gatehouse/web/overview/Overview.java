package dev.gatehouse.web.overview;

import static dev.gatehouse.web.db.Rows.instant;

import dev.gatehouse.web.alert.AlertEntity;
import dev.gatehouse.web.alert.AlertView;
import dev.gatehouse.web.report.ControlReport;
import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.scan.ScanView;
import dev.gatehouse.web.schedule.NightlyScans;
import dev.gatehouse.web.schedule.ScheduleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What the overview of one organization shows, read with a handful of indexed queries. */
@ApplicationScoped
public class Overview {

  static final int TREND_SCANS = 30;

  public record Counts(int critical, int high, int medium, int low, int info) {
    public int total() {
      return critical + high + medium + low + info;
    }
  }

  public record Model(String organization, boolean known, Counts open, ControlReport.Report controls, TrendChart trend,
      List<AlertView> alerts, long openAlerts, ScanView lastScan, ScanView running, ScheduleView schedule, long repositories) {}

  private final EntityManager em;
  private final ScanService scans;
  private final ControlReport controls;
  private final NightlyScans schedule;

  Overview(EntityManager em, ScanService scans, ControlReport controls, NightlyScans schedule) {
    this.em = em;
    this.scans = scans;
    this.controls = controls;
    this.schedule = schedule;
  }

  @Transactional
  public Model of(String org) {
    Long orgId = orgId(org);
    ScheduleView next = schedule.schedule().stream().filter(s -> s.organization().equals(org)).findFirst().orElse(null);
    if (orgId == null) {
      return new Model(org, false, new Counts(0, 0, 0, 0, 0), null, TrendChart.of(List.of()), List.of(), 0, null, null, next, 0);
    }
    Optional<ScanView> latest = scans.latest(org);
    ScanView running = latest.filter(ScanView::running).orElse(null);
    ScanView last = latest.filter(s -> !s.running()).orElseGet(() -> lastFinished(orgId));
    List<AlertView> alerts = AlertEntity.<AlertEntity>find("organizationId = ?1 order by createdAt desc, id desc", orgId)
        .page(0, 5).list().stream().map(AlertView::of).toList();
    long openAlerts = AlertEntity.count("organizationId = ?1 and acknowledgedAt is null", orgId);
    Object[] closed = lastClosed(orgId);
    // The repositories the last closed scan listed; counted only before any scan closed.
    long repositories = closed != null && closed[5] != null ? ((Number) closed[5]).longValue()
        : ((Number) em.createNativeQuery("select count(*) from repository where organization_id = ?1 and gone_at is null")
            .setParameter(1, orgId).getSingleResult()).longValue();
    return new Model(org, true, openCounts(orgId, closed), controls(org), trend(orgId), alerts, openAlerts, last, running, next,
        repositories);
  }

  /**
   * Open findings as of the last closed scan (recorded at close, so a page view does not count
   * 100,000 rows); counted live only for an organization not closed since these counts existed.
   */
  private Counts openCounts(long orgId, Object[] closed) {
    if (closed != null && closed[0] != null) {
      return new Counts(i(closed[0]), i(closed[1]), i(closed[2]), i(closed[3]), i(closed[4]));
    }
    return liveCounts(orgId);
  }

  /** Open counts by severity and the repository count recorded by the last closed scan; null before one closed. */
  private Object[] lastClosed(long orgId) {
    @SuppressWarnings("unchecked")
    List<Object[]> recorded = em.createNativeQuery("select open_critical, open_high, open_medium, open_low, open_info, repository_count "
            + "from scan where organization_id = ?1 and status = 'completed' and closed_at is not null order by id desc limit 1")
        .setParameter(1, orgId).getResultList();
    return recorded.isEmpty() ? null : recorded.get(0);
  }

  /** Organizations with stored data, and configured ones not scanned yet. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> organizations(List<String> configured) {
    List<String> stored = em.createNativeQuery("select login from organization order by login").getResultList();
    List<String> all = new ArrayList<>(configured);
    stored.stream().filter(s -> !all.contains(s)).forEach(all::add);
    return all;
  }

  /** The control report of the last closed scan (ControlReport keeps it per scan). */
  private ControlReport.Report controls(String org) {
    return controls.build(org);
  }

  private Counts liveCounts(long orgId) {
    Object[] r = (Object[]) em.createNativeQuery("select count(*) filter (where severity = 'critical'), "
        + "count(*) filter (where severity = 'high'), count(*) filter (where severity = 'medium'), "
        + "count(*) filter (where severity = 'low'), count(*) filter (where severity = 'info') "
        + "from finding where organization_id = ?1 and status = 'open' and suppression_kind is null")
        .setParameter(1, orgId).getSingleResult();
    return new Counts(i(r[0]), i(r[1]), i(r[2]), i(r[3]), i(r[4]));
  }

  @SuppressWarnings("unchecked")
  private TrendChart trend(long orgId) {
    List<Object[]> rows = em.createNativeQuery("select id, coalesce(closed_at, finished_at, started_at), open_critical, open_high, open_medium, open_low from scan "
            + "where organization_id = ?1 and status = 'completed' and open_critical is not null order by id desc limit " + TREND_SCANS)
        .setParameter(1, orgId).getResultList();
    List<TrendChart.Point> points = new ArrayList<>();
    for (Object[] r : rows) {
      points.add(new TrendChart.Point(((Number) r[0]).longValue(), instant(r[1]), i(r[2]), i(r[3]), i(r[4]), i(r[5])));
    }
    Collections.reverse(points);
    return TrendChart.of(points);
  }

  private ScanView lastFinished(long orgId) {
    Number id = (Number) em.createNativeQuery("select max(id) from scan where organization_id = ?1 and status <> 'running'")
        .setParameter(1, orgId).getSingleResult();
    return id == null ? null : scans.find(id.longValue()).orElse(null);
  }

  private Long orgId(String org) {
    List<?> ids = em.createNativeQuery("select id from organization where login = ?1").setParameter(1, org).getResultList();
    return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
  }

  private static int i(Object o) {
    return o == null ? 0 : ((Number) o).intValue();
  }
}
