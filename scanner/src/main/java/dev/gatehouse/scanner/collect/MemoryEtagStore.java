package dev.gatehouse.scanner.collect;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** ETags kept for the life of the process. */
public final class MemoryEtagStore implements EtagStore {

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<Entry> get(String url) {
    return Optional.ofNullable(entries.get(url));
  }

  @Override
  public void put(String url, Entry entry) {
    entries.put(url, entry);
  }

  public int size() {
    return entries.size();
  }
}
