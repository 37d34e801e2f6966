package dev.gatehouse.web.paging;

import jakarta.ws.rs.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A keyset cursor: the sort key of the last item of a page, as opaque URL-safe base64. Clients pass
 * it back unchanged; its content is not an API, so the sort key may change without notice.
 */
public final class Cursor {

  private Cursor() {}

  public static String encode(long... key) {
    StringBuilder s = new StringBuilder("v1");
    for (long k : key) {
      s.append(':').append(k);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /** The key of a cursor made by {@link #encode} with {@code parts} values; anything else is a 400. */
  public static long[] decode(String cursor, int parts) {
    try {
      String[] s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":", -1);
      if (s.length != parts + 1 || !"v1".equals(s[0])) {
        throw new IllegalArgumentException();
      }
      long[] key = new long[parts];
      for (int i = 0; i < parts; i++) {
        key[i] = Long.parseLong(s[i + 1]);
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("malformed cursor: pass back the nextCursor of a previous page unchanged");
    }
  }

  /** PostgreSQL keeps microseconds, so a timestamp read back from it survives the round trip exactly. */
  public static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  public static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** A page size within 1..max, {@code fallback} when not given. */
  public static int limit(Integer requested, int fallback, int max) {
    return requested == null ? fallback : Math.max(1, Math.min(max, requested));
  }
}
