package dev.gatehouse.scanner.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV, streamed row by row: a header row, CRLF line ends, and any field holding a
 * comma, quote, CR or LF quoted with its quotes doubled. Fields starting with {@code = + - @}
 * get a leading apostrophe, so a spreadsheet does not run attacker-controlled text as a formula.
 */
public final class CsvReport implements AutoCloseable {

  private final Writer out;

  public CsvReport(OutputStream out, List<String> header) throws IOException {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    row(header);
  }

  public void row(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(escape(fields.get(i)));
    }
    out.write("\r\n");
  }

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
