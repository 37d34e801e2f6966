package dev.gatehouse.scanner.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the settings and runner rules judge: the organization's snapshot, every repository's
 * snapshot, the parsed workflow and action files by repository, the action inventory, and (from
 * history, when the caller has it) since when each offline runner has been offline.
 */
public record OrgScan(OrgSnapshot org, List<RepoSnapshot> repos, Map<String, List<AuditedFile>> files,
    ActionInventory inventory, Map<Long, Instant> runnerOfflineSince, Instant at) {

  public OrgScan {
    repos = List.copyOf(repos);
    files = Map.copyOf(files);
    runnerOfflineSince = Map.copyOf(runnerOfflineSince);
  }
}
