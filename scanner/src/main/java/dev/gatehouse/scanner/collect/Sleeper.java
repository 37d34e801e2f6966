package dev.gatehouse.scanner.collect;

import java.time.Duration;

/** Waits; injectable so tests of rate-limit waits run instantly and can assert what was waited. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}
