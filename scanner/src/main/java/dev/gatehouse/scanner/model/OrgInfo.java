package dev.gatehouse.scanner.model;

/**
 * {@code GET /orgs/{org}}: identity and the member-facing defaults a reviewer reads alongside
 * the Actions settings. Owner-only fields are null when the token cannot see them.
 */
public record OrgInfo(long id, String login, String name, String htmlUrl, Boolean twoFactorRequirementEnabled,
    String defaultRepositoryPermission, Boolean membersCanCreatePublicRepositories) {}
