package dev.gatehouse.web.audit;

import dev.gatehouse.web.paging.Keyset;
import dev.gatehouse.web.api.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit log newest first, optionally of one action and one actor, a page at a time.
 * The cursor is the API's opaque keyset cursor over the last id returned, so pages stay stable
 * while new entries arrive.
 */
@ApplicationScoped
public class AuditTrail {

  public record Entry(long id, Instant at, String actor, String action, String subject, String details) {}

  private final EntityManager em;

  AuditTrail(EntityManager em) {
    this.em = em;
  }

  /** {@code limit} as checked by {@link Cursor#limit}; a cursor this API did not return is a {@link BadRequestException}. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Cursor.Page<Entry> page(String action, String actor, String cursor, int limit) {
    int size = Math.max(1, Math.min(Cursor.MAX_LIMIT, limit));
    StringBuilder sql = new StringBuilder("select id, at, actor, action, subject, details from audit_log where true");
    List<Object> params = new ArrayList<>();
    if (present(action)) {
      params.add(action.trim());
      sql.append(" and action = ?").append(params.size());
    }
    if (present(actor)) {
      params.add(actor.trim());
      sql.append(" and actor = ?").append(params.size());
    }
    if (present(cursor)) {
      params.add(Keyset.after(cursor.trim(), 1)[0]);
      sql.append(" and id < ?").append(params.size());
    }
    params.add(size + 1);
    sql.append(" order by id desc limit ?").append(params.size());
    Query query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    List<Object[]> rows = query.getResultList();
    return Keyset.page(rows.stream().map(AuditTrail::entry).toList(), size, e -> Keyset.cursor(e.id()), e -> e);
  }

  /** Every action recorded so far, for the filter. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> actions() {
    return em.createNativeQuery("select distinct action from audit_log order by action").getResultList();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static Entry entry(Object[] r) {
    Instant at = r[1] instanceof Timestamp t ? t.toInstant() : r[1] instanceof OffsetDateTime o ? o.toInstant() : (Instant) r[1];
    return new Entry(((Number) r[0]).longValue(), at, (String) r[2], (String) r[3], (String) r[4], (String) r[5]);
  }
}
