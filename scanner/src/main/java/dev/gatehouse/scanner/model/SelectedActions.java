package dev.gatehouse.scanner.model;

import java.util.List;

/** The allowlist when {@code allowed_actions} is {@code selected}. */
public record SelectedActions(boolean githubOwnedAllowed, boolean verifiedAllowed, List<String> patternsAllowed) {
  public SelectedActions {
    patternsAllowed = List.copyOf(patternsAllowed);
  }
}
