package dev.gatehouse.web.alert;

import dev.gatehouse.web.db.SqlWhere;
import dev.gatehouse.web.api.Cursor;
import dev.gatehouse.web.paging.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads alerts for the alerts page and the API: filters and keyset pages, newest first. */
@ApplicationScoped
public class AlertQuery {

  private static final String ORG = "a.organizationId in (select o.id from OrganizationEntity o where o.login = :org)";

  private final EntityManager em;

  AlertQuery(EntityManager em) {
    this.em = em;
  }

  @Transactional
  public Cursor.Page<AlertView> search(AlertFilter filter, String cursor, int limit) {
    SqlWhere where = new SqlWhere()
        .and(ORG, "org", filter.organization())
        .and("a.kind = :kind", "kind", filter.kind())
        .and("a.severity = :severity", "severity", filter.severity());
    if (filter.open() != null) {
      where.and(filter.open() ? "a.acknowledgedAt is null" : "a.acknowledgedAt is not null");
    }
    long[] key = Keyset.after(cursor, 2);
    if (key != null) {
      where.and("(a.createdAt < :afterAt or (a.createdAt = :afterAt and a.id < :afterId))")
          .bind("afterAt", Keyset.instant(key[0])).bind("afterId", key[1]);
    }
    List<AlertEntity> rows = where.bindTo(em.createQuery("from AlertEntity a where " + where.sql()
        + " order by a.createdAt desc, a.id desc", AlertEntity.class)).setMaxResults(limit + 1).getResultList();
    return Keyset.page(rows, limit, a -> Keyset.cursor(Keyset.micros(a.createdAt), a.id), AlertView::of);
  }

  /** The kinds of alert an organization has had, for the kind filter. */
  @Transactional
  public List<String> kinds(String organization) {
    return em.createQuery("select distinct a.kind from AlertEntity a where " + ORG + " order by a.kind", String.class)
        .setParameter("org", organization).getResultList();
  }

  /** The alert, only if it belongs to the organization (a form cannot reach another one's alerts). */
  @Transactional
  public Optional<AlertView> find(String organization, long id) {
    return em.createQuery("from AlertEntity a where a.id = :id and " + ORG, AlertEntity.class)
        .setParameter("id", id).setParameter("org", organization).getResultStream().findFirst().map(AlertView::of);
  }
}
