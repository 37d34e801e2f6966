package dev.gatehouse.scanner.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every {@code uses:} across an organization (steps and reusable-workflow calls of workflows and
 * local actions), for the action inventory, the allowlist rules and the dashboard.
 */
public record ActionInventory(List<ActionUse> uses) {

  public ActionInventory {
    uses = List.copyOf(uses);
  }

  public static ActionInventory of(Map<String, List<AuditedFile>> filesByRepository) {
    List<ActionUse> uses = new ArrayList<>();
    new TreeMap<>(filesByRepository).forEach((repo, files) -> {
      for (AuditedFile file : files) {
        if (file instanceof Workflow w) {
          for (Job job : w.jobs()) {
            if (job.uses() != null) {
              uses.add(new ActionUse(repo, w.path(), job.uses().pos().line(), job.id(), job.uses()));
            }
            for (Step step : job.steps()) {
              if (step.uses() != null) {
                uses.add(new ActionUse(repo, w.path(), step.uses().pos().line(), job.id(), step.uses()));
              }
            }
          }
        } else {
          for (Step step : file.allSteps()) {
            if (step.uses() != null) {
              uses.add(new ActionUse(repo, file.path(), step.uses().pos().line(), null, step.uses()));
            }
          }
        }
      }
    });
    return new ActionInventory(uses);
  }

  /** Remote uses grouped by {@code owner/repo[/path]} (lowercase), sorted. */
  public Map<String, List<ActionUse>> byAction() {
    Map<String, List<ActionUse>> grouped = new TreeMap<>();
    for (ActionUse use : uses) {
      if (use.uses().remote()) {
        grouped.computeIfAbsent(use.uses().target(), k -> new ArrayList<>()).add(use);
      }
    }
    return grouped;
  }
}
