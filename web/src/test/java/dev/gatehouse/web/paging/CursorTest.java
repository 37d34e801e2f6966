package dev.gatehouse.web.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void keysSurviveTheRoundTripAsUrlSafeText() {
    String cursor = Cursor.encode(4, 9_007_199_254_740_993L);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.decode(cursor, 2)).containsExactly(4, 9_007_199_254_740_993L);
    Instant t = Instant.parse("2026-11-20T09:12:00.123456Z");
    assertThat(Cursor.instant(Cursor.micros(t))).isEqualTo(t);
  }

  @Test
  void anythingElseIsABadRequest() {
    for (String bad : List.of("", "%%%", "bm90LWEtY3Vyc29y", Cursor.encode(1), Cursor.encode(1, 2, 3))) {
      assertThatThrownBy(() -> Cursor.decode(bad, 2)).as(bad).isInstanceOf(BadRequestException.class);
    }
  }

  @Test
  void aPageShowsLimitRowsAndPointsPastTheLastOne() {
    CursorPage<String> more = CursorPage.of(List.of(1, 2, 3), 2, i -> "after-" + i, i -> "#" + i);
    assertThat(more.items()).containsExactly("#1", "#2");
    assertThat(more.nextCursor()).isEqualTo("after-2");
    CursorPage<String> last = CursorPage.of(List.of(1, 2), 2, i -> "after-" + i, i -> "#" + i);
    assertThat(last.nextCursor()).isNull();
    assertThat(Cursor.limit(null, 100, 500)).isEqualTo(100);
    assertThat(Cursor.limit(10_000, 100, 500)).isEqualTo(500);
    assertThat(Cursor.limit(0, 100, 500)).isEqualTo(1);
  }
}
