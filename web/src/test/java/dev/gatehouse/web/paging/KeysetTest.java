package dev.gatehouse.web.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.web.api.Cursor;
import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysetTest {

  @Test
  void keysSurviveTheRoundTripAsUrlSafeText() {
    String cursor = Keyset.cursor(4, 9_007_199_254_740_993L);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(Keyset.after(cursor, 2)).containsExactly(4, 9_007_199_254_740_993L);
    assertThat(Keyset.after(null, 2)).isNull();
    Instant t = Instant.parse("2026-11-20T09:12:00.123456Z");
    assertThat(Keyset.instant(Keyset.micros(t))).isEqualTo(t);
  }

  @Test
  void anyOtherCursorIsABadRequest() {
    for (String bad : List.of("%%%", "bm90LWEtY3Vyc29y", Keyset.cursor(1), Keyset.cursor(1, 2, 3), Cursor.encode("a:b"))) {
      assertThatThrownBy(() -> Keyset.after(bad, 2)).as(bad).isInstanceOf(BadRequestException.class);
    }
  }

  @Test
  void aPageShowsLimitRowsAndPointsPastTheLastOne() {
    Cursor.Page<String> more = Keyset.page(List.of(1, 2, 3), 2, i -> "after-" + i, i -> "#" + i);
    assertThat(more.items()).containsExactly("#1", "#2");
    assertThat(more.nextCursor()).isEqualTo("after-2");
    assertThat(Keyset.page(List.of(1, 2), 2, i -> "after-" + i, i -> "#" + i).nextCursor()).isNull();
  }
}
