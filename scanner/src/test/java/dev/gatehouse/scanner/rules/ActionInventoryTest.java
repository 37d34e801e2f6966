package dev.gatehouse.scanner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.ActionInventory;
import dev.gatehouse.scanner.model.ActionUse;
import dev.gatehouse.scanner.model.PinKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The action inventory: every uses: across the org, with owner, repo, ref, pin kind and where. */
class ActionInventoryTest {

  @Test
  void listsEveryUseWithWhereItStands() {
    ActionInventory inventory = SettingsHarness.load(AcceptanceTest.HARDENED).scan().inventory();
    List<ActionUse> uses = inventory.uses();
    assertThat(uses).allSatisfy(u -> assertThat(u.repository()).isEqualTo("acme/ml"));
    ActionUse login = uses.stream().filter(u -> "docker".equals(u.uses().owner())).findFirst().orElseThrow();
    assertThat(login.uses().repo()).isEqualTo("login-action");
    assertThat(login.uses().ref()).isEqualTo("74a5d142397b4f367a81961eba4e8cd7edddf772");
    assertThat(login.uses().pin()).isEqualTo(PinKind.FULL_SHA);
    assertThat(login.file()).isEqualTo(".github/workflows/release.yml");
    assertThat(login.jobId()).isEqualTo("image");
    assertThat(login.line()).isPositive();

    Map<String, List<ActionUse>> byAction = inventory.byAction();
    assertThat(byAction.get("actions/checkout")).hasSize(3).allSatisfy(u -> assertThat(u.uses().pin()).isEqualTo(PinKind.TAG));
    assertThat(byAction.get("pypa/gh-action-pypi-publish")).singleElement()
        .satisfies(u -> assertThat(u.uses().pin()).isEqualTo(PinKind.BRANCH));
    assertThat(byAction.keySet()).containsExactly("actions/checkout", "actions/download-artifact", "actions/setup-python",
        "actions/upload-artifact", "docker/login-action", "pypa/gh-action-pypi-publish");
  }
}
