package dev.gatehouse.web.repo;

import java.time.Instant;

/** A stored repository as the API and pages show it. */
public record RepositoryView(
    long id, String organization, long githubId, String name, String fullName, String visibility,
    boolean fork, boolean archived, String defaultBranch, Instant pushedAt, String htmlUrl,
    Instant firstSeenAt, Instant lastScannedAt) {

  static RepositoryView of(RepositoryEntity r) {
    return new RepositoryView(r.id, r.organization.login, r.githubId, r.name, r.fullName, r.visibility,
        r.fork, r.archived, r.defaultBranch, r.pushedAt, r.htmlUrl, r.firstSeenAt, r.lastScannedAt);
  }
}
