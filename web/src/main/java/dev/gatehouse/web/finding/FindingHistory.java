package dev.gatehouse.web.finding;

/**
 * A finding's state at a past instant, rebuilt from its events: SQL joins on {@code finding f}
 * for the as-of exports and the control report. {@code at} is the query's parameter for the
 * instant ({@code :at} or {@code ?2}); each join keeps the last event of its kind not after it.
 */
public final class FindingHistory {

  private FindingHistory() {}

  /** {@code st.kind}: new, fixed or reintroduced. Findings first seen after {@code at} have none and drop out. */
  public static String lifecycleAt(String at) {
    return lastEvent("join", "e.kind", "'new', 'fixed', 'reintroduced'", at, "st");
  }

  /** {@code sev.after}: the severity then. */
  public static String severityAt(String at) {
    return lastEvent("join", "e.after", "'new', 'severity_changed'", at, "sev");
  }

  /** {@code sup.kind} (suppressed, unsuppressed, or null: never suppressed) and {@code sup.after} (the suppression). */
  public static String suppressionAt(String at) {
    return lastEvent("left join", "e.kind, e.after", "'suppressed', 'unsuppressed'", at, "sup");
  }

  private static String lastEvent(String join, String columns, String kinds, String at, String alias) {
    return " " + join + " lateral (select " + columns + " from finding_event e where e.finding_id = f.id and e.kind in (" + kinds
        + ") and e.at <= " + at + " order by e.at desc, e.id desc limit 1) " + alias + " on true ";
  }
}
