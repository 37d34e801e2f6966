package dev.gatehouse.scanner.model;

/** How workflows from fork PRs run in private repositories. */
public record PrivateForkPrSettings(
    boolean runWorkflowsFromForkPullRequests, boolean sendWriteTokensToWorkflows,
    boolean sendSecretsAndVariables, boolean requireApprovalForForkPrWorkflows) {}
