package dev.gatehouse.web.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.PrivateForkPrSettings;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.scanner.policy.Posture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judges of the settings table, without a database: what counts as compliant, deviating or not evaluated. */
class ActionsSettingsTest {

  private static final Posture STRICT = Posture.strict();

  @Test
  void strictnessBeyondThePolicyIsCompliantWiderIsADeviation() {
    SettingsSource localOnly = source(new ActionsPermissions("selected", null, "local_only", true), null);
    assertThat(check("allowed_actions", localOnly, STRICT).status()).isEqualTo(SettingCheck.Status.COMPLIANT);
    SettingsSource all = source(new ActionsPermissions("all", null, "all", true), null);
    SettingCheck wider = check("allowed_actions", all, STRICT);
    assertThat(wider.status()).isEqualTo(SettingCheck.Status.DEVIATES);
    assertThat(wider.expected()).isEqualTo("selected");
    assertThat(wider.actual()).isEqualTo("all");
    assertThat(wider.note()).isEqualTo("wider than the policy allows");
  }

  @Test
  void allowlistEntriesOutsideThePolicysAllowlistAreNamed() {
    Posture posture = new Posture("selected", List.of("actions/*", "docker/login-action@v3"), false, false, true, null, "read",
        false, null, null, null, null);
    SettingsSource source = source(new ActionsPermissions("all", null, "selected", true),
        new SelectedActions(false, false, List.of("actions/checkout@v4", "evil/*", "!tj-actions/*")));
    SettingCheck check = check("patterns_allowed", source, posture);
    assertThat(check.status()).isEqualTo(SettingCheck.Status.DEVIATES);
    assertThat(check.note()).isEqualTo("not in the policy's allowlist: evil/*");
  }

  @Test
  void unreadableUnreportedAndUnjudgedValuesAreNeverCompliant() {
    SettingsSource unread = new SettingsSource(Readable.unavailable(403, "403 Resource not accessible by integration"),
        Readable.notApplicable("allowed_actions is all, so there is no allowlist"), Readable.unavailable(-1, "timed out"),
        Readable.of("all_external_contributors"), Readable.of(new PrivateForkPrSettings(false, false, false, false)),
        Readable.of("all"));
    assertThat(check("allowed_actions", unread, STRICT).note()).isEqualTo("GitHub answered HTTP 403 Resource not accessible by integration");
    assertThat(check("verified_allowed", unread, STRICT).note()).isEqualTo("not applicable: allowed_actions is all, so there is no allowlist");
    assertThat(check("default_workflow_permissions", unread, STRICT).note()).isEqualTo("not read: timed out");
    SettingsSource unreported = source(new ActionsPermissions("all", null, "selected", null), null);
    assertThat(check("sha_pinning_required", unreported, STRICT).status()).isEqualTo(SettingCheck.Status.NOT_EVALUATED);
    assertThat(check("enabled_repositories", unreported, STRICT).status()).isEqualTo(SettingCheck.Status.NO_POLICY);
    // Fork workflows off: GitHub reports approval false by default, which is not a choice to flag.
    assertThat(check("require_approval_for_fork_pr_workflows", unread, STRICT).status()).isEqualTo(SettingCheck.Status.COMPLIANT);
    assertThat(check("self_hosted_runners.enabled_repositories", unread, STRICT).status()).isEqualTo(SettingCheck.Status.DEVIATES);
  }

  private static SettingCheck check(String field, SettingsSource source, Posture posture) {
    return ActionsSettings.ALL.stream().filter(s -> s.field().equals(field)).findFirst().orElseThrow().check(source, posture);
  }

  private static SettingsSource source(ActionsPermissions permissions, SelectedActions selected) {
    return new SettingsSource(Readable.of(permissions),
        selected == null ? Readable.notApplicable("allowed_actions is " + permissions.allowedActions()) : Readable.of(selected),
        Readable.of(new WorkflowTokenDefaults("read", false)), Readable.of("all_external_contributors"),
        Readable.of(new PrivateForkPrSettings(true, false, false, true)), Readable.of("selected"));
  }
}
