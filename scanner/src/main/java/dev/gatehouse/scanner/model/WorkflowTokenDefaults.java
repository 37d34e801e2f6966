package dev.gatehouse.scanner.model;

/** Default {@code GITHUB_TOKEN} permission ({@code read} or {@code write}) and whether Actions may approve PRs. */
public record WorkflowTokenDefaults(String defaultWorkflowPermissions, boolean canApprovePullRequestReviews) {}
