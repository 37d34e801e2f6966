package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a maintainer must act before a job runs for an outsider: an environment with required
 * reviewers, an {@code author_association} check, a maintainer-applied label, or a condition
 * that excludes forks altogether.
 */
public final class Gates {

  private static final Pattern ASSOCIATION = Pattern.compile("author_association[^\\n]*(OWNER|MEMBER|COLLABORATOR)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL = Pattern.compile("github\\.event\\.label\\.name|labels\\.\\*\\.name|labels\\[", Pattern.CASE_INSENSITIVE);
  private static final Pattern SAME_REPO = Pattern.compile(
      "head\\.repo\\.full_name\\s*==\\s*github\\.repository|github\\.repository\\s*==\\s*github\\.event\\.pull_request\\.head\\.repo\\.full_name"
          + "|head_repository\\.full_name\\s*==\\s*github\\.repository|head\\.repo\\.fork\\s*==\\s*false|!\\s*github\\.event\\.pull_request\\.head\\.repo\\.fork",
      Pattern.CASE_INSENSITIVE);

  private Gates() {}

  /** Why outsiders cannot run {@code job} without a maintainer, or null when nothing gates it. */
  public static String gate(Job job, RepoContext repo) {
    Scalar environment = job.environment();
    if (environment != null && !environment.value().isBlank()) {
      Map<String, Boolean> reviewers = repo.environmentsWithReviewers().orElse(Map.of());
      if (Boolean.TRUE.equals(reviewers.get(environment.value().strip()))) {
        return "the job needs approval through environment '" + environment.value().strip() + "'";
      }
    }
    Scalar condition = job.condition();
    if (condition == null) {
      return null;
    }
    String text = condition.value();
    if (SAME_REPO.matcher(text).find()) {
      return "the job's condition excludes pull requests from forks";
    }
    if (ASSOCIATION.matcher(text).find()) {
      return "the job is gated on the author's association (OWNER/MEMBER/COLLABORATOR)";
    }
    if (LABEL.matcher(text).find()) {
      return "the job is gated on a maintainer-applied label";
    }
    return null;
  }

  /** Fork PRs cannot reach the job at all (as opposed to needing approval). */
  public static boolean excludesForks(Job job) {
    return job.condition() != null && SAME_REPO.matcher(job.condition().value()).find();
  }

}
