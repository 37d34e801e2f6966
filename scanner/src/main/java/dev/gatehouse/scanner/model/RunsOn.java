package dev.gatehouse.scanner.model;

import java.util.List;

/**
 * Where a job runs: labels (from a string, a list, or {@code labels:}), a runner {@code group},
 * and whether any part is an expression (a matrix value or input) that cannot be resolved
 * statically; {@code candidates} then holds labels the matrix could supply.
 */
public record RunsOn(List<String> labels, String group, boolean dynamic, List<String> candidates, Pos pos) {

  public RunsOn {
    labels = List.copyOf(labels);
    candidates = List.copyOf(candidates);
  }
}
