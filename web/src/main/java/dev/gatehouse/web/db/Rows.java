package dev.gatehouse.web.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native-query rows, whichever JDBC type the driver and Hibernate hand back. */
public final class Rows {

  private Rows() {}

  /** A timestamptz column as an Instant (null stays null). */
  public static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("not a timestamp: " + value.getClass());
  }
}
