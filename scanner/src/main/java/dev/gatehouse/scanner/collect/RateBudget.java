package dev.gatehouse.scanner.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One rate budget for every request of the process. It reads {@code x-ratelimit-*} from every
 * answer, keeps a reserve for other users of the same credentials, and makes callers wait for
 * the reset (or a secondary-limit pause) instead of failing.
 */
public final class RateBudget {

  /** What GitHub last said about one resource ({@code core}, {@code graphql}, ...). */
  public record Window(long limit, long remaining, Instant reset) {}

  private final Map<String, Window> windows = new HashMap<>();
  private final long reserve;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant pausedUntil = Instant.EPOCH;

  public RateBudget(long reserve, Clock clock, Sleeper sleeper) {
    this.reserve = reserve;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Blocks until a request against {@code resource} may be sent; returns milliseconds waited. */
  public long acquire(String resource) throws InterruptedException {
    long waited = 0;
    while (true) {
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        Window w = windows.get(resource);
        if (now.isBefore(pausedUntil)) {
          wait = Duration.between(now, pausedUntil);
        } else if (w != null && w.remaining() <= reserve && now.isBefore(w.reset())) {
          wait = Duration.between(now, w.reset()).plusSeconds(1);
        } else {
          if (w != null) {
            // Count the request now so concurrent callers do not all spend the last points.
            windows.put(resource, new Window(w.limit(), w.remaining() - 1, w.reset()));
          }
          return waited;
        }
      }
      sleeper.sleep(wait);
      waited += wait.toMillis();
      synchronized (this) {
        Window w = windows.get(resource);
        if (w != null && !clock.instant().isBefore(w.reset())) {
          windows.remove(resource);
        }
      }
    }
  }

  /** Records the {@code x-ratelimit-*} headers of an answer. */
  public synchronized void update(String resource, String limit, String remaining, String reset) {
    if (remaining == null || reset == null) {
      return;
    }
    try {
      windows.put(resource, new Window(limit == null ? -1 : Long.parseLong(limit.trim()),
          Long.parseLong(remaining.trim()), Instant.ofEpochSecond(Long.parseLong(reset.trim()))));
    } catch (NumberFormatException e) {
      // A malformed header tells us nothing; keep the last known window.
    }
  }

  /** Stops every request until {@code until} (secondary limits apply to the whole client). */
  public synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  public synchronized Window window(String resource) {
    return windows.get(resource);
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }
}
