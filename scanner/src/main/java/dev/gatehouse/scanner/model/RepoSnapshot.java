package dev.gatehouse.scanner.model;

import java.util.List;

/**
 * Everything read about one repository in one scan. {@code headSha} is the default branch's
 * head commit (null for an empty repository); {@code contentsReused} is true when the head was
 * unchanged and stored contents were used instead of fetching them again.
 */
public record RepoSnapshot(
    RepositoryInfo repository, String headSha, boolean contentsReused, Readable<List<WorkflowBlob>> files,
    Readable<ActionsPermissions> actionsPermissions, Readable<SelectedActions> selectedActions,
    Readable<WorkflowTokenDefaults> workflowDefaults, Readable<String> forkPrApprovalPolicy,
    Readable<PrivateForkPrSettings> privateForkPr, Readable<String> accessLevel,
    Readable<List<Runner>> runners, Readable<List<Environment>> environments) {}
