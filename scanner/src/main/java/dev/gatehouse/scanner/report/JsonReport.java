package dev.gatehouse.scanner.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Location;
import dev.gatehouse.scanner.rule.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes findings as Gatehouse's JSON report, version 1 (docs/report-format.md). Findings are
 * streamed one at a time, so memory does not grow with their number; the summary comes last.
 */
public final class JsonReport implements AutoCloseable {

  public static final int FORMAT_VERSION = 1;
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator json;
  private final ReportMeta meta;
  private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
  private int total;
  private int suppressed;

  public JsonReport(OutputStream out, ReportMeta meta) throws IOException {
    this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    this.meta = meta;
    json.useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeNumberField("formatVersion", FORMAT_VERSION);
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", "gatehouse");
    json.writeStringField("version", meta.toolVersion());
    json.writeEndObject();
    json.writeStringField("generatedAt", meta.generatedAt().toString());
    json.writeArrayFieldStart("findings");
    for (Severity s : Severity.values()) {
      bySeverity.put(s, 0);
    }
  }

  public void write(String repository, Finding f) throws IOException {
    total++;
    if (f.suppressed()) {
      suppressed++;
    } else {
      bySeverity.merge(f.severity(), 1, Integer::sum);
    }
    json.writeStartObject();
    json.writeStringField("ruleId", f.ruleId());
    json.writeStringField("severity", f.severity().id());
    json.writeStringField("confidence", f.confidence().id());
    json.writeStringField("message", f.message());
    if (repository != null) {
      json.writeStringField("repository", repository);
    }
    json.writeFieldName("location");
    location(f.location());
    json.writeArrayFieldStart("related");
    for (Location l : f.related()) {
      location(l);
    }
    json.writeEndArray();
    json.writeStringField("fingerprint", f.fingerprint());
    json.writeStringField("helpUri", meta.helpUri(f.ruleId()));
    if (f.suppression() == null) {
      json.writeNullField("suppression");
    } else {
      json.writeObjectFieldStart("suppression");
      json.writeStringField("kind", f.suppression().kind().name().toLowerCase(java.util.Locale.ROOT));
      json.writeStringField("reason", f.suppression().reason());
      json.writeStringField("owner", f.suppression().owner());
      json.writeStringField("expires", f.suppression().expires() == null ? null : f.suppression().expires().toString());
      json.writeBooleanField("repoDeclared", f.suppression().repoDeclared());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private void location(Location l) throws IOException {
    json.writeStartObject();
    json.writeStringField("file", l.file());
    json.writeNumberField("line", l.line());
    json.writeNumberField("column", l.column());
    json.writeStringField("path", l.path());
    json.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    json.writeEndArray();
    json.writeObjectFieldStart("summary");
    json.writeNumberField("findings", total);
    json.writeNumberField("suppressed", suppressed);
    json.writeObjectFieldStart("bySeverity");
    for (Severity s : Severity.values()) {
      json.writeNumberField(s.id(), bySeverity.get(s));
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.close();
  }
}
