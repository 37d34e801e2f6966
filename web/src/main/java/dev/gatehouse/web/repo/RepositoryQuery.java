package dev.gatehouse.web.repo;

import static dev.gatehouse.web.db.Rows.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The repository list: search, filters, sort and pages over the repository table's own columns
 * (facts and open counts are kept there by {@link RepositoryStats}), so a page is one indexed
 * query plus a count, whatever the size of the finding history.
 */
@ApplicationScoped
public class RepositoryQuery {

  public static final int PAGE_SIZE = 50;
  private static final Map<String, String> SORTS = Map.of(
      "name", "r.full_name",
      "severity", "r.open_critical desc, r.open_high desc, r.open_medium desc, r.open_low desc, r.full_name",
      "findings", "(r.open_critical + r.open_high + r.open_medium + r.open_low + r.open_info) desc, r.full_name",
      "pushed", "r.pushed_at desc nulls last, r.full_name",
      "scanned", "r.last_scanned_at desc nulls last, r.full_name");
  private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low");

  /** What the user asked for; null fields do not filter. */
  public record Filter(String q, String visibility, Boolean archived, String severity, Boolean selfHosted, Boolean privileged,
      String sort, int page) {

    public Filter {
      q = q == null || q.isBlank() ? null : q.strip();
      visibility = visibility == null || visibility.isBlank() ? null : visibility;
      severity = severity != null && SEVERITIES.contains(severity) ? severity : null;
      sort = sort != null && SORTS.containsKey(sort) ? sort : "severity";
      page = Math.max(1, page);
    }
  }

  public record Row(long id, String name, String fullName, String visibility, boolean fork, boolean archived,
      String defaultBranch, Instant pushedAt, Instant lastScannedAt, Integer workflows, Boolean selfHosted,
      String privilegedTriggers, int critical, int high, int medium, int low, int info) {
    public int open() {
      return critical + high + medium + low + info;
    }
  }

  public record Page(List<Row> rows, long total, int page, int pages) {}

  @Transactional
  public Page find(String org, Filter f) {
    return find(org, f, null, PAGE_SIZE);
  }

  /**
   * With {@code after} (a full name), the page after it in name order (keyset, for the API's
   * cursor); otherwise the filter's sort and page number.
   */
  @Transactional
  public Page find(String org, Filter f, String after, int limit) {
    // The organization as a scalar subquery: the planner then reads the page straight from the
    // (organization_id, severity..., full_name) index instead of sorting every repository.
    StringBuilder where = new StringBuilder(" from repository r where r.organization_id = (select id from organization where login = :org) "
        + "and r.gone_at is null");
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("org", org);
    if (f.q() != null) {
      where.append(" and r.name ilike :q escape '\\'");
      params.put("q", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (f.visibility() != null) {
      where.append(" and r.visibility = :visibility");
      params.put("visibility", f.visibility());
    }
    if (f.archived() != null) {
      where.append(" and r.archived = :archived");
      params.put("archived", f.archived());
    }
    if (f.selfHosted() != null) {
      where.append(f.selfHosted() ? " and r.uses_self_hosted" : " and not coalesce(r.uses_self_hosted, false)");
    }
    if (f.privileged() != null) {
      where.append(f.privileged() ? " and coalesce(r.privileged_triggers, '') <> ''" : " and coalesce(r.privileged_triggers, '') = ''");
    }
    if (f.severity() != null) {
      where.append(switch (f.severity()) {
        case "critical" -> " and r.open_critical > 0";
        case "high" -> " and r.open_critical + r.open_high > 0";
        case "medium" -> " and r.open_critical + r.open_high + r.open_medium > 0";
        default -> " and r.open_critical + r.open_high + r.open_medium + r.open_low > 0";
      });
    }
    // A name search reads few rows from the trigram index: count them in the same pass. Otherwise
    // the page comes from an index in the requested order, and a separate count is cheaper than
    // making the page query read every row.
    boolean filtered = f.q() != null;
    if (after != null) {
      where.append(" and r.full_name > :after");
      params.put("after", after);
    }
    String order = after != null || limit != PAGE_SIZE ? "r.full_name" : SORTS.get(f.sort());
    int offset = after != null || limit != PAGE_SIZE ? 0 : (f.page() - 1) * PAGE_SIZE;
    Query rows = em.createNativeQuery(SELECT + (filtered ? ", count(*) over ()" : "") + where + " order by " + order)
        .setFirstResult(offset).setMaxResults(limit);
    params.forEach(rows::setParameter);
    @SuppressWarnings("unchecked")
    List<Object[]> found = rows.getResultList();
    long total;
    if (filtered && !found.isEmpty()) {
      total = ((Number) found.get(0)[17]).longValue();
    } else {
      Query count = em.createNativeQuery("select count(*)" + where);
      params.forEach(count::setParameter);
      total = ((Number) count.getSingleResult()).longValue();
    }
    List<Row> out = new ArrayList<>();
    for (Object[] r : found) {
      out.add(row(r));
    }
    return new Page(out, total, f.page(), (int) Math.max(1, (total + limit - 1) / limit));
  }

  /** One repository of the organization by name. */
  @Transactional
  public java.util.Optional<Row> find(String org, String name) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(SELECT + " from repository r join organization o on o.id = r.organization_id "
        + "where o.login = ?1 and r.name = ?2 order by r.gone_at desc nulls first, r.id desc").setParameter(1, org).setParameter(2, name).getResultList();
    return rows.stream().findFirst().map(RepositoryQuery::row);
  }

  private static final String SELECT = "select r.id, r.name, r.full_name, r.visibility, r.fork, r.archived, r.default_branch, "
      + "r.pushed_at, r.last_scanned_at, r.workflow_count, r.uses_self_hosted, r.privileged_triggers, r.open_critical, r.open_high, "
      + "r.open_medium, r.open_low, r.open_info";

  private static Row row(Object[] r) {
    return new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4], (Boolean) r[5],
        (String) r[6], instant(r[7]), instant(r[8]), r[9] == null ? null : ((Number) r[9]).intValue(), (Boolean) r[10],
        (String) r[11], n(r[12]), n(r[13]), n(r[14]), n(r[15]), n(r[16]));
  }

  private final EntityManager em;

  RepositoryQuery(EntityManager em) {
    this.em = em;
  }

  private static int n(Object o) {
    return o == null ? 0 : ((Number) o).intValue();
  }
}
