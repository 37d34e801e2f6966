package dev.gatehouse.web.inventory;

import dev.gatehouse.scanner.model.ActionInventory;
import dev.gatehouse.scanner.model.ActionUse;
import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.PinKind;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.rule.OrgAudit;
import dev.gatehouse.scanner.rules.settings.Allowlists;
import dev.gatehouse.web.inventory.InventoryView.ActionEntry;
import dev.gatehouse.web.inventory.InventoryView.RefUse;
import dev.gatehouse.web.inventory.InventoryView.StaleEntries;
import dev.gatehouse.web.posture.Readability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the inventory the way a scan does (the scanner's parse, once per blob, and its
 * {@link ActionInventory}), then judges each action and ref with the settings rules' allowlist
 * matching, so the page and the {@code actions-used-not-allowed} findings agree.
 */
final class InventoryBuilder {

  private InventoryBuilder() {}

  /** {@code repos} with file contents. */
  static InventoryView build(String organization, long scanId, Instant scannedAt, OrgSnapshot org, List<RepoSnapshot> repos) {
    Map<String, List<AuditedFile>> files = OrgAudit.parse(repos);
    ActionInventory inventory = ActionInventory.of(files);
    Judge judge = new Judge(org);
    List<ActionEntry> actions = new ArrayList<>();
    List<Uses> distinct = new ArrayList<>();
    inventory.byAction().forEach((action, uses) -> {
      Map<String, List<ActionUse>> byRef = new TreeMap<>();
      uses.forEach(u -> byRef.computeIfAbsent(Objects.requireNonNullElse(u.uses().ref(), ""), k -> new ArrayList<>()).add(u));
      List<RefUse> refs = new ArrayList<>();
      AllowlistStatus worst = AllowlistStatus.ALL_ALLOWED;
      boolean shaPinned = true;
      for (List<ActionUse> sameRef : byRef.values()) {
        Uses representative = sameRef.get(0).uses();
        distinct.add(representative);
        Allowed allowed = judge.of(representative);
        refs.add(new RefUse(representative.ref(), pin(representative.pin()), repositories(sameRef), allowed.status(), allowed.why()));
        worst = AllowlistStatus.worse(worst, allowed.status());
        shaPinned &= representative.pin() == PinKind.FULL_SHA;
      }
      actions.add(new ActionEntry(action, repositories(uses), uses.size(), worst, shaPinned, refs));
    });
    int unread = (int) repos.stream().filter(r -> !r.files().available()).count();
    return new InventoryView(organization, scanId, scannedAt, judge.mode(), judge.note(), actions,
        stale(org, distinct, unread), repos.size(), unread);
  }

  private static StaleEntries stale(OrgSnapshot org, List<Uses> inUse, int unread) {
    SelectedActions list = org.selectedActions().orNull();
    if (list == null) {
      return new StaleEntries(false, "no allowlist to check: " + Readability.of(org.selectedActions()).explanation(), List.of());
    }
    if (unread > 0) {
      return new StaleEntries(false, "not evaluated: the workflow files of " + unread + " repositories could not be read, "
          + "and any of them may use an entry", List.of());
    }
    return new StaleEntries(true, "", Allowlists.unused(list.patternsAllowed(), inUse));
  }

  private static int repositories(List<ActionUse> uses) {
    Set<String> names = new HashSet<>();
    uses.forEach(u -> names.add(u.repository()));
    return names.size();
  }

  private static String pin(PinKind kind) {
    return switch (kind) {
      case FULL_SHA -> "full SHA";
      case TAG -> "tag";
      case BRANCH -> "branch";
      case NONE -> "no ref";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private record Allowed(AllowlistStatus status, String why) {}

  /** The organization-level allowlist verdict; the settings it reads may be unreadable, which is "not evaluated". */
  private static final class Judge {
    private final String org;
    private final Readable<ActionsPermissions> permissions;
    private final Readable<SelectedActions> selected;
    private final String note;

    Judge(OrgSnapshot snapshot) {
      this.org = snapshot.login();
      this.permissions = snapshot.actionsPermissions();
      this.selected = snapshot.selectedActions();
      this.note = unjudgeable();
    }

    String mode() {
      ActionsPermissions p = permissions.orNull();
      return p == null ? null : p.allowedActions();
    }

    String note() {
      return note;
    }

    /** Why no action can be judged, or empty. */
    private String unjudgeable() {
      if (!permissions.available()) {
        return "The organization's Actions permissions could not be read (" + Readability.of(permissions).explanation()
            + "), so no action is judged against the allowlist.";
      }
      if ("selected".equals(mode()) && !selected.available()) {
        return "The organization's allowlist could not be read (" + Readability.of(selected).explanation()
            + "), so no action is judged against it.";
      }
      return "";
    }

    Allowed of(Uses uses) {
      if (!note.isEmpty()) {
        return new Allowed(AllowlistStatus.NOT_EVALUATED, note);
      }
      if ("all".equals(mode())) {
        return new Allowed(AllowlistStatus.ALL_ALLOWED, "allowed_actions is all: every action may run");
      }
      Allowlists.Verdict v = Allowlists.verdict(org, permissions.orNull(), selected.orNull(), uses);
      return switch (v.status()) {
        case ALLOWED -> new Allowed(AllowlistStatus.ALLOWED, v.why());
        case BLOCKED -> new Allowed(AllowlistStatus.BLOCKED, v.why());
        case UNKNOWN -> new Allowed(AllowlistStatus.NOT_EVALUATED, v.why());
      };
    }
  }
}
