package dev.gatehouse.web.export;

import dev.gatehouse.scanner.report.CsvReport;
import dev.gatehouse.scanner.report.JsonReport;
import dev.gatehouse.scanner.report.ReportMeta;
import dev.gatehouse.scanner.report.SarifReport;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Location;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Suppression;
import dev.gatehouse.web.finding.FindingHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.query.NativeQuery;

/**
 * Exports an organization's findings as CSV, JSON or SARIF 2.1.0, as they stand now or as they
 * stood at a past instant (rebuilt from the findings' event history: open or fixed, severity and
 * suppression at that time). Rows stream from the database with a fetch size, so memory does not
 * grow with the number of findings.
 */
@ApplicationScoped
public class FindingExport {

  public enum Format { CSV, JSON, SARIF }

  static final List<String> CSV_HEADER = List.of("repository", "rule_id", "severity", "confidence", "file", "line", "column",
      "path", "message", "fingerprint", "first_seen_at", "suppressed", "suppression");

  /** State at :at from events: the last lifecycle, severity and suppression event not after :at. */
  private static final String AS_OF = "select f.subject, f.rule_id, sev.after, f.confidence, f.message, f.file, f.line, f.col, "
      + "f.path, f.fingerprint, f.first_seen_at, sup.kind, sup.after from finding f join organization o on o.id = f.organization_id"
      + FindingHistory.lifecycleAt(":at") + FindingHistory.severityAt(":at") + FindingHistory.suppressionAt(":at")
      + "where o.login = :org and st.kind <> 'fixed' order by f.subject, f.file, f.line, f.id";

  private static final String CURRENT = """
      select f.subject, f.rule_id, f.severity, f.confidence, f.message, f.file, f.line, f.col, f.path, f.fingerprint,
             f.first_seen_at, case when f.suppression_kind is null then null else 'suppressed' end,
             case when f.suppression_kind is null then null
                  else f.suppression_kind || ': ' || f.suppression_reason || coalesce(' (' || f.suppression_owner || ')', '') end
      from finding f join organization o on o.id = f.organization_id
      where o.login = :org and f.status = 'open'
      order by f.subject, f.file, f.line, f.id
      """;

  private final EntityManager em;

  FindingExport(EntityManager em) {
    this.em = em;
  }

  /** Writes the export; call inside a transaction. {@code at} null means now. SARIF has one run per repository. */
  public void write(String org, Instant at, Format format, OutputStream out) {
    write(org, at, format, out, true);
  }

  /** As above; {@code runPerRepository} false puts every SARIF result in one run for the organization. */
  public void write(String org, Instant at, Format format, OutputStream out, boolean runPerRepository) {
    ReportMeta meta = new ReportMeta(ReportMeta.version(), Instant.now(), ReportMeta.DEFAULT_HELP_BASE);
    try {
      switch (format) {
        case CSV -> {
          try (CsvReport csv = new CsvReport(out, CSV_HEADER)) {
            each(org, at, f -> {
              try {
                csv.row(List.of(f.repository(), f.ruleId(), f.severity(), f.confidence(), f.file(), String.valueOf(f.line()),
                    String.valueOf(f.column()), f.path(), f.message(), f.fingerprint(), String.valueOf(f.firstSeenAt()),
                    String.valueOf(f.suppressionKind() != null && !"unsuppressed".equals(f.suppressionKind())),
                    f.suppression() == null || "unsuppressed".equals(f.suppressionKind()) ? "" : f.suppression()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
          }
        }
        case JSON -> {
          try (JsonReport json = new JsonReport(out, meta)) {
            each(org, at, f -> {
              try {
                json.write(f.repository(), finding(f));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
          }
        }
        case SARIF -> {
          try (SarifReport sarif = new SarifReport(out, meta)) {
            String[] run = {null};
            each(org, at, f -> {
              try {
                String runKey = runPerRepository ? f.repository() : org;
                if (!runKey.equals(run[0])) {
                  sarif.startRun(runKey);
                  run[0] = runKey;
                }
                sarif.write(finding(f));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private void each(String org, Instant at, Consumer<ExportedFinding> consumer) {
    NativeQuery<Object[]> q = em.createNativeQuery(at == null ? CURRENT : AS_OF).unwrap(NativeQuery.class);
    q.setParameter("org", org);
    if (at != null) {
      q.setParameter("at", Timestamp.from(at));
    }
    q.setFetchSize(500);
    try (Stream<Object[]> rows = q.getResultStream()) {
      rows.forEach(r -> {
        consumer.accept(new ExportedFinding((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
            (String) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), (String) r[8], (String) r[9],
            dev.gatehouse.web.db.Rows.instant(r[10]), (String) r[11], (String) r[12]));
        em.clear();
      });
    }
  }

  /** The exported finding as the report writers take it; SARIF marks policy exceptions external, inline ones in-source. */
  private static Finding finding(ExportedFinding f) {
    Suppression suppression = null;
    if (f.suppression() != null && !"unsuppressed".equals(f.suppressionKind())) {
      Suppression.Kind kind = f.suppression().startsWith("exception") ? Suppression.Kind.EXCEPTION
          : f.suppression().startsWith("inline_zizmor") ? Suppression.Kind.INLINE_ZIZMOR : Suppression.Kind.INLINE;
      suppression = new Suppression(kind, f.suppression(), null, null);
    }
    return new Finding(f.ruleId(), Severity.parse(f.severity()), Confidence.valueOf(f.confidence().toUpperCase(Locale.ROOT)),
        f.message(), new Location(f.file(), f.line(), f.column(), f.path()), List.of(), f.fingerprint(), suppression);
  }
}
