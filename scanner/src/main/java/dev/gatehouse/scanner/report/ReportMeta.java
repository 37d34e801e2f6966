package dev.gatehouse.scanner.report;

import java.time.Instant;

/**
 * What a report says about itself: tool version, when it was made, and the base URL under which
 * each rule's page lives ({@code <base><rule-id>.md} or the service's {@code /rules/<id>}).
 */
public record ReportMeta(String toolVersion, Instant generatedAt, String helpBase) {

  public static final String DEFAULT_HELP_BASE = "https://github.com/gatehouse-dev/gatehouse/blob/main/docs/rules/";

  public String helpUri(String ruleId) {
    return helpBase.contains("/docs/rules/") ? helpBase + ruleId + ".md" : helpBase + ruleId;
  }

  public static String version() {
    String v = ReportMeta.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
