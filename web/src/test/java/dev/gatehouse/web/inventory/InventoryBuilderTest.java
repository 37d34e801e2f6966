package dev.gatehouse.web.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.WorkflowBlob;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inventory's grouping and allowlist verdicts, from snapshots as a scan stores them. */
class InventoryBuilderTest {

  private static final String SHA = "8e5e7e5ab8b370d6c329ec480221332ada57f0ab";
  private static final String CI = """
      on: push
      jobs:
        build:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@%s
            - uses: docker/login-action@v3
            - uses: tj-actions/changed-files@v44
            - uses: ./.github/actions/local
            - uses: docker://alpine:3
        reuse:
          uses: acme/shared/.github/workflows/notify.yml@main
      """;

  @Test
  void groupsByActionAndRefAndJudgesEachRefAgainstTheAllowlist() {
    SelectedActions list = new SelectedActions(true, false, List.of("docker/login-action@v2", "!tj-actions/*", "pypa/*"));
    InventoryView view = build(Readable.of(new ActionsPermissions("all", null, "selected", true)), Readable.of(list),
        repo(1, "acme/a", CI.formatted(SHA)), repo(2, "acme/b", CI.formatted("v4")), repo(3, "acme/c", CI.formatted("v4")));

    InventoryView.ActionEntry checkout = entry(view, "actions/checkout");
    assertThat(checkout.repositories()).isEqualTo(3);
    assertThat(checkout.refs()).extracting(InventoryView.RefUse::ref).containsExactly(SHA, "v4");
    assertThat(checkout.refs()).extracting(InventoryView.RefUse::pin).containsExactly("full SHA", "tag");
    assertThat(checkout.refs()).extracting(InventoryView.RefUse::repositories).containsExactly(1, 2);
    assertThat(checkout.allowlist()).isEqualTo(AllowlistStatus.ALLOWED);
    assertThat(checkout.shaPinned()).isFalse();
    assertThat(entry(view, "docker/login-action").allowlist()).isEqualTo(AllowlistStatus.BLOCKED);
    assertThat(entry(view, "tj-actions/changed-files").refs().get(0).why()).contains("!tj-actions/*");
    assertThat(entry(view, "acme/shared/.github/workflows/notify.yml").refs().get(0).why()).isEqualTo("acme's own action");
    // Local and docker uses are not actions from another repository: not in the inventory.
    assertThat(view.actions()).extracting(InventoryView.ActionEntry::action).hasSize(4);
    assertThat(view.stale().evaluated()).isTrue();
    assertThat(view.stale().entries()).containsExactly("docker/login-action@v2", "pypa/*");
  }

  @Test
  void unreadableSettingsOrFilesAreNotEvaluated() {
    RepoSnapshot unread = new RepoSnapshot(info(9, "acme/z"), "abc", false, Readable.unavailable(502, "502 Bad Gateway"),
        Readable.of(new ActionsPermissions(null, true, "all", false)), Readable.notApplicable("x"), Readable.notApplicable("x"),
        Readable.notApplicable("x"), Readable.notApplicable("x"), Readable.notApplicable("x"), Readable.notApplicable("x"),
        Readable.notApplicable("x"));
    InventoryView view = build(Readable.unavailable(403, "403 Resource not accessible by integration"),
        Readable.unavailable(-1, "depends on the Actions permissions"), repo(1, "acme/a", CI.formatted("v4")), unread);
    assertThat(view.allowedActions()).isNull();
    assertThat(view.allowlistNote()).contains("GitHub answered HTTP 403 Resource not accessible by integration");
    assertThat(view.actions()).allSatisfy(a -> assertThat(a.allowlist()).isEqualTo(AllowlistStatus.NOT_EVALUATED));
    assertThat(view.repositoriesUnread()).isEqualTo(1);
    assertThat(view.stale().evaluated()).isFalse();

    InventoryView selected = build(Readable.of(new ActionsPermissions("all", null, "selected", true)),
        Readable.of(new SelectedActions(false, false, List.of("pypa/*"))), repo(1, "acme/a", CI.formatted("v4")), unread);
    assertThat(selected.stale().evaluated()).isFalse();
    assertThat(selected.stale().note()).contains("could not be read");
  }

  private static InventoryView build(Readable<ActionsPermissions> permissions, Readable<SelectedActions> selected, RepoSnapshot... repos) {
    OrgSnapshot org = new OrgSnapshot("acme", Readable.notApplicable("test"), List.of(), permissions, selected,
        Readable.notApplicable("test"), Readable.notApplicable("test"), Readable.notApplicable("test"), Readable.notApplicable("test"),
        Readable.notApplicable("test"), Readable.notApplicable("test"));
    return InventoryBuilder.build("acme", 1, Instant.now(), org, List.of(repos));
  }

  private static InventoryView.ActionEntry entry(InventoryView view, String action) {
    return view.actions().stream().filter(a -> a.action().equals(action)).findFirst().orElseThrow();
  }

  private static RepoSnapshot repo(long id, String name, String workflow) {
    List<WorkflowBlob> files = List.of(new WorkflowBlob(".github/workflows/ci.yml", "sha-" + workflow.hashCode(), workflow, null));
    return new RepoSnapshot(info(id, name), "head", false, Readable.of(files), Readable.notApplicable("x"), Readable.notApplicable("x"),
        Readable.notApplicable("x"), Readable.notApplicable("x"), Readable.notApplicable("x"), Readable.notApplicable("x"),
        Readable.notApplicable("x"), Readable.notApplicable("x"));
  }

  private static RepositoryInfo info(long id, String name) {
    return new RepositoryInfo(id, "node" + id, name.substring(name.indexOf('/') + 1), name, "private", false, false, "main", null, null,
        "head");
  }
}
