package dev.gatehouse.web.paging;

import dev.gatehouse.web.api.Cursor;
import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keyset pages over a sort key of numbers, in the API's opaque {@link Cursor} form: the cursor
 * holds the key of the last item shown, and a page is fetched as {@code limit + 1} rows, the extra
 * row only proving that there is a next page.
 */
public final class Keyset {

  private Keyset() {}

  public static String cursor(long... key) {
    return Cursor.encode(Arrays.stream(key).mapToObj(Long::toString).collect(Collectors.joining(":")));
  }

  /** The key in a cursor made by {@link #cursor} with {@code parts} numbers; null for no cursor. */
  public static long[] after(String cursor, int parts) {
    String key = Cursor.decode(cursor);
    if (key == null) {
      return null;
    }
    String[] s = key.split(":", -1);
    try {
      if (s.length != parts) {
        throw new NumberFormatException();
      }
      return Arrays.stream(s).mapToLong(Long::parseLong).toArray();
    } catch (NumberFormatException e) {
      throw new BadRequestException("cursor is not one this API returned");
    }
  }

  public static <R, T> Cursor.Page<T> page(List<R> fetched, int limit, Function<R, String> cursorOf, Function<R, T> item) {
    List<R> shown = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
    String next = fetched.size() > limit ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
    return new Cursor.Page<>(shown.stream().map(item).toList(), next);
  }

  /** PostgreSQL keeps microseconds, so a timestamp read back from it survives the round trip exactly. */
  public static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  public static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
