package dev.gatehouse.web.http;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show instants: in UTC to the minute, the same for every viewer ({@code {t.utcMinute}}). */
@TemplateExtension
public final class TimeDisplay {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TimeDisplay() {}

  static String utcMinute(Instant t) {
    return t == null ? "" : MINUTE.format(t);
  }
}
