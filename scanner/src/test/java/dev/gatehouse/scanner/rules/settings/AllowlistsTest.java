package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.rules.settings.Allowlists.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistsTest {

  private static final ActionsPermissions SELECTED = new ActionsPermissions("all", null, "selected", false);
  private static final SelectedActions LIST = new SelectedActions(true, false,
      List.of("docker/login-action@v3", "codecov/*", "!tj-actions/*", "pypa/gh-action-pypi-publish@*"));

  @Test
  void selectedModeSaysWhichEntryAllowsOrBlocks() {
    assertThat(verdict(SELECTED, LIST, "docker/login-action@v3")).isEqualTo(new Allowlists.Verdict(Status.ALLOWED,
        "allowed by docker/login-action@v3"));
    assertThat(verdict(SELECTED, LIST, "docker/login-action@v2").status()).isEqualTo(Status.BLOCKED);
    assertThat(verdict(SELECTED, LIST, "actions/checkout@v4").why()).contains("github_owned_allowed");
    assertThat(verdict(SELECTED, LIST, "tj-actions/changed-files@v44").why()).contains("blocks it (!tj-actions/*)");
    assertThat(verdict(SELECTED, LIST, "acme/shared/.github/workflows/x.yml@main").why()).isEqualTo("acme's own action");
  }

  @Test
  void unreadableOrOtherModesAreUnknownOrAll() {
    assertThat(verdict(null, null, "actions/checkout@v4").status()).isEqualTo(Status.UNKNOWN);
    assertThat(verdict(SELECTED, null, "actions/checkout@v4").status()).isEqualTo(Status.UNKNOWN);
    assertThat(verdict(new ActionsPermissions("all", null, "all", null), null, "evil/thing@main").status()).isEqualTo(Status.ALLOWED);
    assertThat(verdict(new ActionsPermissions("all", null, "local_only", null), null, "actions/checkout@v4").status())
        .isEqualTo(Status.BLOCKED);
    SelectedActions verified = new SelectedActions(false, true, List.of());
    assertThat(verdict(SELECTED, verified, "someone/verified-maybe@v1").status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void unusedEntriesIgnoreBlockingOnes() {
    List<Uses> inUse = List.of(uses("codecov/codecov-action@v4"), uses("actions/checkout@v4"));
    assertThat(Allowlists.unused(LIST.patternsAllowed(), inUse))
        .containsExactly("docker/login-action@v3", "pypa/gh-action-pypi-publish@*");
  }

  private static Allowlists.Verdict verdict(ActionsPermissions p, SelectedActions s, String raw) {
    return Allowlists.verdict("acme", p, s, uses(raw));
  }

  private static Uses uses(String raw) {
    return Uses.parse(raw, Pos.START);
  }
}
