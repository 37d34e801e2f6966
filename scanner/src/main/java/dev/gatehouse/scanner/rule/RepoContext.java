package dev.gatehouse.scanner.rule;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is known about the repository a file belongs to. Every part is optional: the CLI knows
 * none of it, the service knows what the collector could read. Rules treat an empty value as
 * unknown, never as the safe answer.
 *
 * @param fullName {@code owner/repo}, or a local path for the CLI
 * @param visibility {@code public}, {@code private} or {@code internal}
 * @param runnerLabels labels of self-hosted runners registered for this repository
 * @param environmentsWithReviewers environment name to whether it requires reviewers
 * @param settings the Actions settings and runners the workflows run under
 */
public record RepoContext(
    String fullName, Optional<String> visibility, Optional<Set<String>> runnerLabels,
    Optional<Map<String, Boolean>> environmentsWithReviewers, RepoSettings settings) {

  public RepoContext(String fullName, Optional<String> visibility, Optional<Set<String>> runnerLabels,
      Optional<Map<String, Boolean>> environmentsWithReviewers) {
    this(fullName, visibility, runnerLabels, environmentsWithReviewers, RepoSettings.unknown("settings not read (local audit)"));
  }

  public static RepoContext unknown(String name) {
    return new RepoContext(name, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public RepoContext withSettings(RepoSettings s) {
    return new RepoContext(fullName, visibility, runnerLabels, environmentsWithReviewers, s);
  }

  public boolean knownPublic() {
    return visibility.map("public"::equalsIgnoreCase).orElse(false);
  }

  public boolean knownPrivate() {
    return visibility.map(v -> !"public".equalsIgnoreCase(v)).orElse(false);
  }
}
