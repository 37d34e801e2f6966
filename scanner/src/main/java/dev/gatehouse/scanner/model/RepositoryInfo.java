package dev.gatehouse.scanner.model;

import java.time.Instant;

/**
 * A repository as GitHub listed it; {@code headSha} is the default branch's head commit when the
 * listing reported it (null otherwise). Every string here is attacker-controlled: the names and
 * branch come from whoever administers the repository.
 */
public record RepositoryInfo(
    long id,
    String nodeId,
    String name,
    String fullName,
    String visibility,
    boolean fork,
    boolean archived,
    String defaultBranch,
    Instant pushedAt,
    String htmlUrl,
    String headSha) {

  /** Empty repositories have no default branch head. */
  public boolean empty() {
    return headSha == null && defaultBranch == null;
  }

  public boolean isPublic() {
    return "public".equals(visibility);
  }
}
