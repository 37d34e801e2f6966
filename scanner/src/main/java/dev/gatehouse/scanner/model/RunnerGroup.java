package dev.gatehouse.scanner.model;

import java.util.List;

/**
 * An organization runner group. {@code selectedRepositories} holds repository full names when
 * visibility is {@code selected} (NotApplicable otherwise).
 */
public record RunnerGroup(long id, String name, String visibility, boolean isDefault, boolean inherited,
    boolean allowsPublicRepositories, boolean restrictedToWorkflows, List<String> selectedWorkflows,
    Readable<List<String>> selectedRepositories) {
  public RunnerGroup {
    selectedWorkflows = List.copyOf(selectedWorkflows);
  }
}
