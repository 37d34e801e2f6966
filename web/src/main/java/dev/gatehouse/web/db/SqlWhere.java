package dev.gatehouse.web.db;

import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Conditions joined with {@code and}, each with its values as named bind parameters: filter code adds
 * constant SQL (or JPQL) text only, and user input travels as parameters, never inside the text.
 */
public final class SqlWhere {

  private final StringJoiner clauses = new StringJoiner(" and ");
  private final Map<String, Object> params = new LinkedHashMap<>();

  public SqlWhere and(String clause) {
    clauses.add(clause);
    return this;
  }

  /** Adds {@code clause}, which names {@code :param}, when {@code value} is present. */
  public SqlWhere and(String clause, String param, Object value) {
    if (value != null) {
      clauses.add(clause);
      params.put(param, value);
    }
    return this;
  }

  public SqlWhere bind(String param, Object value) {
    params.put(param, value);
    return this;
  }

  public String sql() {
    return clauses.length() == 0 ? "1 = 1" : clauses.toString();
  }

  public <Q extends Query> Q bindTo(Q query) {
    params.forEach(query::setParameter);
    return query;
  }
}
