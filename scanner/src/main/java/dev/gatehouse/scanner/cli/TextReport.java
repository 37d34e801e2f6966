package dev.gatehouse.scanner.cli;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Human-readable output: one line per finding, in file and line order, then a summary. */
final class TextReport {

  private TextReport() {}

  static void write(List<Finding> findings, PrintStream out) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    int suppressed = 0;
    for (Finding f : findings) {
      StringBuilder line = new StringBuilder()
          .append(f.location().file()).append(':').append(f.location().line()).append(':').append(f.location().column())
          .append(": ").append(f.severity().id()).append(' ').append(f.ruleId()).append(": ").append(f.message());
      if (f.suppressed()) {
        suppressed++;
        line.append(" [suppressed").append(f.suppression().repoDeclared() ? " in file" : " by policy exception")
            .append(": ").append(f.suppression().reason()).append(']');
      } else {
        counts.merge(f.severity(), 1, Integer::sum);
      }
      out.println(line);
    }
    StringBuilder summary = new StringBuilder();
    for (Severity s : Severity.values()) {
      if (counts.containsKey(s)) {
        summary.append(summary.length() == 0 ? "" : ", ").append(counts.get(s)).append(' ').append(s.id());
      }
    }
    out.println(findings.isEmpty() ? "no findings"
        : (summary.length() == 0 ? "0 findings" : summary) + (suppressed > 0 ? "; " + suppressed + " suppressed" : ""));
  }
}
