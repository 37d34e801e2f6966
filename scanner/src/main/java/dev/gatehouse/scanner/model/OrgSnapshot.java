package dev.gatehouse.scanner.model;

import java.util.List;

/** Everything read about one organization in one scan; each setting may be unavailable, with its reason. */
public record OrgSnapshot(
    String login, Readable<OrgInfo> info, List<RepositoryInfo> repositories,
    Readable<ActionsPermissions> actionsPermissions, Readable<SelectedActions> selectedActions,
    Readable<WorkflowTokenDefaults> workflowDefaults, Readable<String> forkPrApprovalPolicy,
    Readable<PrivateForkPrSettings> privateForkPr, Readable<String> selfHostedRunnersRepositories,
    Readable<List<RunnerGroup>> runnerGroups, Readable<List<Runner>> runners) {
  public OrgSnapshot {
    repositories = List.copyOf(repositories);
  }
}
