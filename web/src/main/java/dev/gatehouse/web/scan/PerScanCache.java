package dev.gatehouse.web.scan;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Values derived from a completed scan's snapshots, built once and kept in memory: a completed
 * scan never changes, so its id is a complete key. Only the newest scan of each organization is
 * kept, and concurrent first requests share one build (reading 10,000 snapshots once, not 20 times).
 */
public final class PerScanCache<T> {

  private record Entry<T>(String organization, CompletableFuture<T> value) {}

  private final ConcurrentMap<Long, Entry<T>> byScan = new ConcurrentHashMap<>();

  public T get(String organization, long scanId, Supplier<T> build) {
    Entry<T> mine = new Entry<>(organization, new CompletableFuture<>());
    Entry<T> existing = byScan.putIfAbsent(scanId, mine);
    if (existing != null) {
      return join(existing.value());
    }
    try {
      mine.value().complete(build.get());
    } catch (RuntimeException e) {
      byScan.remove(scanId, mine);
      mine.value().completeExceptionally(e);
      throw e;
    }
    long newest = byScan.entrySet().stream().filter(e -> e.getValue().organization().equals(organization))
        .mapToLong(Map.Entry::getKey).max().orElse(scanId);
    byScan.entrySet().removeIf(e -> e.getValue().organization().equals(organization) && e.getKey() < newest);
    return join(mine.value());
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
