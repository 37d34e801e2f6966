package dev.gatehouse.web.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code nextCursor} is null on the last page. */
public record CursorPage<T>(List<T> items, String nextCursor) {

  /**
   * A page from {@code limit + 1} fetched rows: the extra row only proves there is a next page, whose
   * cursor is the key of the last row shown.
   */
  public static <R, T> CursorPage<T> of(List<R> fetched, int limit, Function<R, String> cursorOf, Function<R, T> item) {
    List<R> shown = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
    String next = fetched.size() > limit ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
    return new CursorPage<>(shown.stream().map(item).toList(), next);
  }
}
