package dev.gatehouse.web.posture;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.PrivateForkPrSettings;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;

/** The Actions settings an organization and a repository share, so one table of settings reads both. */
record SettingsSource(
    Readable<ActionsPermissions> permissions, Readable<SelectedActions> selected, Readable<WorkflowTokenDefaults> token,
    Readable<String> forkPrApproval, Readable<PrivateForkPrSettings> privateForkPr, Readable<String> selfHostedRunners) {

  static SettingsSource of(OrgSnapshot org) {
    return new SettingsSource(org.actionsPermissions(), org.selectedActions(), org.workflowDefaults(), org.forkPrApprovalPolicy(),
        org.privateForkPr(), org.selfHostedRunnersRepositories());
  }

  static SettingsSource of(RepoSnapshot repo) {
    return new SettingsSource(repo.actionsPermissions(), repo.selectedActions(), repo.workflowDefaults(), repo.forkPrApprovalPolicy(),
        repo.privateForkPr(), Readable.notApplicable("an organization setting"));
  }
}
