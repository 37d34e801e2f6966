package dev.gatehouse.scanner.collect;

import java.util.Optional;

/**
 * ETags and bodies of earlier answers, by URL. GitHub answers with {@code Vary: Authorization},
 * so a standard HTTP cache misses after every token refresh; keyed by URL alone, a warm rescan
 * gets its 304s (which cost no rate limit) across token refreshes and restarts.
 */
public interface EtagStore {

  record Entry(String etag, byte[] body) {}

  Optional<Entry> get(String url);

  void put(String url, Entry entry);
}
