package dev.gatehouse.web.inventory;

import dev.gatehouse.web.scan.CompletedScans;
import dev.gatehouse.web.scan.PerScanCache;
import dev.gatehouse.web.scan.CompletedScans.CompletedScan;
import dev.gatehouse.web.snapshot.SnapshotStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The action inventory of an organization's latest completed scan, built once per scan and kept
 * in memory. A completed scan's snapshots never change, so the scan id is a complete cache key;
 * only the latest scan of each organization is kept, and concurrent first requests share one build.
 */
@ApplicationScoped
public class ActionInventoryService {

  private final CompletedScans scans;
  private final SnapshotStore snapshots;
  private final PerScanCache<InventoryView> byScan = new PerScanCache<>();

  ActionInventoryService(CompletedScans scans, SnapshotStore snapshots) {
    this.scans = scans;
    this.snapshots = snapshots;
  }

  public Optional<InventoryView> of(String org) {
    return scans.latest(org).map(this::forScan);
  }

  InventoryView forScan(CompletedScan scan) {
    return byScan.get(scan.organization(), scan.id(), () -> QuarkusTransaction.joiningExisting().call(() -> InventoryBuilder.build(
        scan.organization(), scan.id(), scan.closedAt(), snapshots.org(scan.id()), snapshots.repos(scan.id()))));
  }
}
