package dev.gatehouse.scanner.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Location;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.scanner.rule.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes SARIF 2.1.0: one run per repository (or one for a local audit), every rule as a
 * reportingDescriptor with its help URI, levels from severity, our fingerprint as
 * {@code partialFingerprints["gatehouse/v1"]}, and suppressions (in-source for repository
 * comments, external for policy exceptions). Results stream in constant memory.
 */
public final class SarifReport implements AutoCloseable {

  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator json;
  private final ReportMeta meta;
  private final List<RuleInfo> rules = RuleRegistry.all();
  private final Map<String, Integer> ruleIndex = new HashMap<>();
  private boolean inRun;

  public SarifReport(OutputStream out, ReportMeta meta) throws IOException {
    this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    this.meta = meta;
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.put(rules.get(i).id(), i);
    }
    json.writeStartObject();
    json.writeStringField("$schema", SCHEMA);
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
  }

  /** Starts a run; {@code repository} (e.g. {@code acme/web}) becomes the run's automation id. */
  public void startRun(String repository) throws IOException {
    endRun();
    json.writeStartObject();
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "Gatehouse");
    json.writeStringField("semanticVersion", meta.toolVersion().replace("-SNAPSHOT", ""));
    json.writeStringField("informationUri", "https://github.com/gatehouse-dev/gatehouse");
    json.writeArrayFieldStart("rules");
    for (RuleInfo rule : rules) {
      json.writeStartObject();
      json.writeStringField("id", rule.id());
      json.writeStringField("name", rule.id());
      json.writeObjectFieldStart("shortDescription");
      json.writeStringField("text", rule.summary());
      json.writeEndObject();
      json.writeStringField("helpUri", meta.helpUri(rule.id()));
      json.writeObjectFieldStart("defaultConfiguration");
      json.writeStringField("level", level(rule.severity()));
      json.writeEndObject();
      json.writeObjectFieldStart("properties");
      json.writeStringField("security-severity", securitySeverity(rule.severity()));
      json.writeArrayFieldStart("tags");
      json.writeString("security");
      json.writeString("github-actions");
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    if (repository != null) {
      json.writeObjectFieldStart("automationDetails");
      json.writeStringField("id", "gatehouse/" + repository + "/");
      json.writeEndObject();
    }
    json.writeArrayFieldStart("results");
    inRun = true;
  }

  public void write(Finding f) throws IOException {
    if (!inRun) {
      startRun(null);
    }
    json.writeStartObject();
    json.writeStringField("ruleId", f.ruleId());
    Integer index = ruleIndex.get(f.ruleId());
    if (index != null) {
      json.writeNumberField("ruleIndex", index);
    }
    json.writeStringField("level", level(f.severity()));
    json.writeObjectFieldStart("message");
    json.writeStringField("text", f.message());
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    location(f.location());
    json.writeEndArray();
    if (!f.related().isEmpty()) {
      json.writeArrayFieldStart("relatedLocations");
      int id = 1;
      for (Location l : f.related()) {
        json.writeStartObject();
        json.writeNumberField("id", id++);
        physical(l);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField("gatehouse/v1", f.fingerprint());
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("severity", f.severity().id());
    json.writeStringField("confidence", f.confidence().id());
    json.writeStringField("security-severity", securitySeverity(f.severity()));
    json.writeEndObject();
    if (f.suppression() != null) {
      json.writeArrayFieldStart("suppressions");
      json.writeStartObject();
      json.writeStringField("kind", f.suppression().repoDeclared() ? "inSource" : "external");
      json.writeStringField("status", "accepted");
      json.writeStringField("justification", f.suppression().reason());
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private void location(Location l) throws IOException {
    json.writeStartObject();
    physical(l);
    if (l.path() != null && !l.path().isEmpty()) {
      json.writeArrayFieldStart("logicalLocations");
      json.writeStartObject();
      json.writeStringField("fullyQualifiedName", l.path());
      json.writeStringField("kind", "member");
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private void physical(Location l) throws IOException {
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", l.file());
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", Math.max(1, l.line()));
    json.writeNumberField("startColumn", Math.max(1, l.column()));
    json.writeEndObject();
    json.writeEndObject();
  }

  private void endRun() throws IOException {
    if (inRun) {
      json.writeEndArray();
      json.writeEndObject();
      inRun = false;
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub code scanning maps 9.0+ to critical, 7.0+ high, 4.0+ medium, below that low. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "1.0";
    };
  }

  @Override
  public void close() throws IOException {
    if (!inRun) {
      startRun(null);
    }
    endRun();
    json.writeEndArray();
    json.writeEndObject();
    json.close();
  }
}
