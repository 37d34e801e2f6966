package dev.gatehouse.scanner.rule;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which expression contexts an outsider controls (../rules-catalogue.md). A {@code *} segment
 * matches one path segment, a trailing {@code **} any depth. Whole objects that contain such
 * fields ({@code toJSON(github.event)}) count too.
 */
public final class AttackerContexts {

  private static final List<Pattern> CONTROLLED = compile(
      "github.head_ref",
      "github.event.pull_request.title", "github.event.pull_request.body",
      "github.event.pull_request.head.ref", "github.event.pull_request.head.label",
      "github.event.pull_request.head.repo.**",
      "github.event.issue.title", "github.event.issue.body",
      "github.event.comment.body", "github.event.review.body", "github.event.review_comment.body",
      "github.event.discussion.title", "github.event.discussion.body",
      "github.event.changes.**",
      "github.event.pages.*.page_name",
      "github.event.commits.*.message", "github.event.commits.*.author.**", "github.event.commits.*.committer.**",
      "github.event.head_commit.message", "github.event.head_commit.author.**", "github.event.head_commit.committer.**",
      "github.event.workflow_run.head_branch", "github.event.workflow_run.head_commit.**",
      "github.event.workflow_run.display_title", "github.event.workflow_run.head_repository.**",
      "github.event.workflow_run.pull_requests.*.head.ref");

  /** Objects whose serialisation includes attacker text. */
  private static final Set<String> CONTAINERS = Set.of(
      "github", "github.event", "github.event.pull_request", "github.event.pull_request.head",
      "github.event.issue", "github.event.comment", "github.event.review", "github.event.review_comment",
      "github.event.discussion", "github.event.head_commit", "github.event.commits", "github.event.workflow_run",
      "github.event.pages", "github.event.changes");

  /** Leaves that are numbers, booleans or hashes even under a controlled object. */
  private static final Set<String> SAFE_LEAVES = Set.of("id", "node_id", "number", "fork", "private", "sha", "size", "created_at", "updated_at");

  /**
   * Names GitHub restricts to letters, digits, '.', '_' and '-': a fork's repository name and its
   * owner's login cannot carry shell syntax, unlike branch names, titles and descriptions.
   */
  private static final Pattern RESTRICTED_NAMES = Pattern.compile(
      ".*\\.(?:head\\.repo|head_repository)\\.(?:full_name|name|owner\\.login)$");

  private AttackerContexts() {}

  public static boolean controlled(String contextPath) {
    String p = contextPath;
    // Only the github context holds outsider data; most paths (steps, env, matrix, inputs) end here.
    if (!p.startsWith("github")) {
      return false;
    }
    if (CONTAINERS.contains(p)) {
      return true;
    }
    String leaf = p.substring(p.lastIndexOf('.') + 1);
    if (SAFE_LEAVES.contains(leaf) || RESTRICTED_NAMES.matcher(p).matches()) {
      return false;
    }
    for (Pattern pattern : CONTROLLED) {
      if (pattern.matcher(p).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<Pattern> compile(String... globs) {
    return java.util.Arrays.stream(globs).map(g -> {
      StringBuilder regex = new StringBuilder();
      String[] parts = g.split("\\.");
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          regex.append("\\.");
        }
        regex.append(switch (parts[i]) {
          case "**" -> "[^\\s]+";
          case "*" -> "[^.]+";
          default -> Pattern.quote(parts[i]);
        });
      }
      return Pattern.compile(regex.toString());
    }).toList();
  }
}
