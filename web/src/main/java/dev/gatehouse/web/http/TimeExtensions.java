package dev.gatehouse.web.http;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code {instant.utc}} in templates: "2026-11-27 16:04 UTC" (the full instant stays in the API). */
@TemplateExtension
public final class TimeExtensions {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TimeExtensions() {}

  public static String utc(Instant instant) {
    return instant == null ? "—" : UTC.format(instant);
  }
}
