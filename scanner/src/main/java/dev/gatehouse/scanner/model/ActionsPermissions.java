package dev.gatehouse.scanner.model;

/**
 * {@code GET /orgs/{org}/actions/permissions} or {@code /repos/{o}/{r}/actions/permissions}.
 * {@code enabledRepositories} is org-only (all, none, selected); {@code enabled} is repo-only.
 * {@code shaPinningRequired} is null when this GitHub does not report it.
 */
public record ActionsPermissions(String enabledRepositories, Boolean enabled, String allowedActions, Boolean shaPinningRequired) {}
