package dev.gatehouse.scanner.model;

import java.util.List;

/** A deployment environment and what gates it. */
public record Environment(String name, List<String> reviewers, boolean preventSelfReview, int waitTimerMinutes, boolean branchPolicy) {
  public Environment {
    reviewers = List.copyOf(reviewers);
  }

  public boolean requiresReviewers() {
    return !reviewers.isEmpty();
  }
}
