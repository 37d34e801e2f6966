package dev.gatehouse.web.inventory;

import java.time.Instant;
import java.util.List;

/**
 * The actions an organization uses in one completed scan, grouped by action, each judged against
 * the organization's allowlist, and the allowlist entries nothing uses.
 *
 * @param allowedActions the organization's {@code allowed_actions}, null when it could not be read
 * @param repositoriesUnread repositories whose workflow files could not be read, so their uses are missing
 */
public record InventoryView(String organization, long scanId, Instant scannedAt, String allowedActions, String allowlistNote,
    List<ActionEntry> actions, StaleEntries stale, int repositories, int repositoriesUnread) {

  /** One ref of an action, e.g. {@code v4}, with how firmly it pins and whether the allowlist lets it run. */
  public record RefUse(String ref, String pin, int repositories, AllowlistStatus allowlist, String why) {
    public String pinCss() {
      return pin.replace(' ', '-');
    }
  }

  /** An action or reusable workflow ({@code owner/repo[/path]}, lowercase) and its refs. */
  public record ActionEntry(String action, int repositories, int uses, AllowlistStatus allowlist, boolean shaPinned, List<RefUse> refs) {}

  /**
   * Allowing entries of the organization's allowlist that no workflow uses.
   *
   * @param evaluated false when it cannot be told (no allowlist in use, or some workflow files unread); {@code note} says why
   */
  public record StaleEntries(boolean evaluated, String note, List<String> entries) {}
}
