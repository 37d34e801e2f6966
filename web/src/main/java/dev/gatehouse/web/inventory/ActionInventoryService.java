package dev.gatehouse.web.inventory;

import dev.gatehouse.web.scan.CompletedScans;
import dev.gatehouse.web.scan.CompletedScans.CompletedScan;
import dev.gatehouse.web.snapshot.SnapshotStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The action inventory of an organization's latest completed scan, built once per scan and kept
 * in memory. A completed scan's snapshots never change, so the scan id is a complete cache key;
 * only the latest scan of each organization is kept, and concurrent first requests share one build.
 */
@ApplicationScoped
public class ActionInventoryService {

  private final CompletedScans scans;
  private final SnapshotStore snapshots;
  private final ConcurrentMap<Long, Cached> byScan = new ConcurrentHashMap<>();

  private record Cached(String organization, CompletableFuture<InventoryView> view) {}

  ActionInventoryService(CompletedScans scans, SnapshotStore snapshots) {
    this.scans = scans;
    this.snapshots = snapshots;
  }

  public Optional<InventoryView> of(String org) {
    return scans.latest(org).map(this::forScan);
  }

  InventoryView forScan(CompletedScan scan) {
    Cached mine = new Cached(scan.organization(), new CompletableFuture<>());
    Cached existing = byScan.putIfAbsent(scan.id(), mine);
    if (existing != null) {
      return join(existing.view());
    }
    try {
      mine.view().complete(QuarkusTransaction.joiningExisting().call(() -> InventoryBuilder.build(scan.organization(), scan.id(),
          scan.closedAt(), snapshots.org(scan.id()), snapshots.repos(scan.id()))));
    } catch (RuntimeException e) {
      byScan.remove(scan.id(), mine);
      mine.view().completeExceptionally(e);
      throw e;
    }
    // Keep one scan per organization: the newest built so far.
    long newest = byScan.entrySet().stream().filter(e -> e.getValue().organization().equals(scan.organization()))
        .mapToLong(Map.Entry::getKey).max().orElse(scan.id());
    byScan.entrySet().removeIf(e -> e.getValue().organization().equals(scan.organization()) && e.getKey() < newest);
    return join(mine.view());
  }

  private static InventoryView join(CompletableFuture<InventoryView> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
