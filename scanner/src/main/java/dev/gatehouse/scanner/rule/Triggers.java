package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Workflow;
import java.util.Set;
import java.util.TreeSet;

/** Trigger classes of the threat model (../rules-catalogue.md, "privileged trigger"). */
public final class Triggers {

  /** Run with the base repository's token and secrets while carrying attacker-controlled data. */
  public static final Set<String> PRIVILEGED = Set.of(
      "pull_request_target", "workflow_run", "issue_comment", "pull_request_review_comment",
      "issues", "discussion", "discussion_comment");

  /** Triggers whose payload carries text any GitHub user can write (titles, bodies, comments). */
  public static final Set<String> OUTSIDER_TEXT = Set.of(
      "pull_request_target", "issue_comment", "pull_request_review_comment", "pull_request_review",
      "issues", "discussion", "discussion_comment", "pull_request", "workflow_run");

  private Triggers() {}

  public static Set<String> privileged(Workflow workflow) {
    Set<String> found = new TreeSet<>();
    for (String event : workflow.events()) {
      if (PRIVILEGED.contains(event)) {
        found.add(event);
      }
    }
    return found;
  }

  public static boolean anyPrivileged(Workflow workflow) {
    return !privileged(workflow).isEmpty();
  }

  /**
   * Events by which a fork's author can start this workflow: any privileged trigger, and
   * {@code pull_request}/{@code pull_request_review} unless the repository is known private.
   */
  public static Set<String> forkReachable(Workflow workflow, RepoContext repo) {
    Set<String> found = privileged(workflow);
    if (!repo.knownPrivate()) {
      for (String event : new String[] {"pull_request", "pull_request_review"}) {
        if (workflow.events().contains(event)) {
          found.add(event);
        }
      }
    }
    return found;
  }
}
