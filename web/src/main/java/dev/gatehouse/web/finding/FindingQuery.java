package dev.gatehouse.web.finding;

import static dev.gatehouse.web.db.Rows.instant;

import dev.gatehouse.web.db.SqlWhere;
import dev.gatehouse.web.api.Cursor;
import dev.gatehouse.web.paging.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads findings for the explorer page and the API alike: filters, counts per severity, and keyset
 * pages ordered most severe first, then newest (id) first, so a page is as cheap at the end of a
 * long list as at its start and does not shift when a scan adds findings.
 */
@ApplicationScoped
public class FindingQuery {

  private static final String RANK =
      "(case f.severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end)";

  /**
   * A page of findings, then the commit to link each to: the head it was last seen at, else the
   * repository's latest head (settings findings point at no file). The page is cut before the
   * join, so the lookup runs for at most a page of rows however many match.
   */
  private static final String SELECT = """
      select p.id, p.subject, p.scope, p.rule_id, p.severity, p.confidence, p.message, p.file, p.line, p.col, p.path,
             p.status, p.suppression_kind, p.suppression_reason, p.suppression_owner, p.fingerprint, p.first_seen_at,
             p.last_seen_at, p.fixed_at, p.reintroduced_count, p.rank, head.sha
      from (
        select f.*, %1$s as rank
        from finding f
        where %2$s
        order by rank desc, f.id desc
        limit :pageSize) p
      left join lateral (
        select coalesce(s.head_sha, r.head_sha) as sha
        from repository r left join repo_snapshot s on s.repository_id = r.id and s.scan_id = p.last_seen_scan_id
        where r.organization_id = p.organization_id and r.full_name = p.subject
        order by r.last_scanned_at desc nulls last limit 1) head on p.scope = 'workflow'
      order by p.rank desc, p.id desc
      """;

  private final EntityManager em;

  FindingQuery(EntityManager em) {
    this.em = em;
  }

  @Transactional
  public Cursor.Page<FindingRow> search(FindingFilter filter, String cursor, int limit) {
    SqlWhere where = where(filter, true);
    long[] key = Keyset.after(cursor, 2);
    if (key != null) {
      where.and("(" + RANK + ", f.id) < (:afterRank, :afterId)").bind("afterRank", key[0]).bind("afterId", key[1]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = where.bindTo(em.createNativeQuery(SELECT.formatted(RANK, where.sql())))
        .setParameter("pageSize", limit + 1).getResultList();
    return Keyset.page(rows, limit, r -> Keyset.cursor(((Number) r[20]).longValue(), ((Number) r[0]).longValue()),
        r -> new FindingRow(view(r), (String) r[21]));
  }

  /**
   * Counts for every severity under all filters but the severity one, so the page can show what
   * picking another severity would give.
   */
  @Transactional
  public Map<String, Long> severityCounts(FindingFilter filter) {
    SqlWhere where = where(filter, false);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = where.bindTo(em.createNativeQuery("select f.severity, count(*) from finding f where " + where.sql()
        + " group by f.severity")).getResultList();
    Map<String, Long> counts = new LinkedHashMap<>();
    FindingFilter.SEVERITIES.forEach(s -> counts.put(s, 0L));
    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
    return counts;
  }

  /**
   * Suggestions for the repository filter: the organization itself (its settings findings) and its
   * repositories, the first 1,000 by name — a hint read from the repository index, not the filter.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> subjects(String organization) {
    List<String> names = new java.util.ArrayList<>();
    names.add(organization);
    names.addAll(em.createNativeQuery("select full_name from repository where organization_id = "
        + "(select id from organization where login = ?1) order by full_name limit 999").setParameter(1, organization).getResultList());
    return names;
  }

  @Transactional
  public Optional<FindingDetail> find(long id) {
    return FindingEntity.<FindingEntity>findByIdOptional(id).map(f -> new FindingDetail(FindingView.of(f),
        FindingEventEntity.<FindingEventEntity>list("finding.id = ?1 order by at, id", id).stream()
            .map(FindingEventView::of).toList()));
  }

  private static SqlWhere where(FindingFilter filter, boolean bySeverity) {
    SqlWhere where = new SqlWhere()
        // A scalar subquery, not a join: the planner then walks finding_org_rank in the page's order.
        .and("f.organization_id = (select id from organization where login = :org)", "org", filter.organization())
        .and("f.rule_id = :rule", "rule", filter.rule())
        .and("f.subject = :subject", "subject", filter.subject())
        .and("f.first_seen_at >= :from", "from", startOf(filter.firstSeenFrom()))
        .and("f.first_seen_at < :to", "to", startOf(filter.firstSeenTo() == null ? null : filter.firstSeenTo().plusDays(1)))
        .and("(f.message ilike :text or f.file ilike :text or f.subject ilike :text or f.rule_id ilike :text)", "text",
            filter.text() == null ? null : "%" + likeEscaped(filter.text()) + "%");
    if (bySeverity) {
      where.and("f.severity = :severity", "severity", filter.severity());
    }
    if (filter.state() != null) {
      where.and(filter.state().sql);
    }
    return where;
  }

  private static Timestamp startOf(java.time.LocalDate day) {
    return day == null ? null : Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Searches for the text itself: {@code %} and {@code _} typed by the user match literally. */
  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static FindingView view(Object[] r) {
    String status = (String) r[11];
    String suppressionKind = (String) r[12];
    return new FindingView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
        (String) r[5], (String) r[6], (String) r[7], ((Number) r[8]).intValue(), ((Number) r[9]).intValue(), (String) r[10],
        status, FindingState.of(status, suppressionKind).id(), suppressionKind, (String) r[13], (String) r[14],
        (String) r[15], instant(r[16]), instant(r[17]), instant(r[18]), ((Number) r[19]).intValue());
  }
}
