package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import java.util.List;

/**
 * The settings a repository's workflows run under, for rules that correlate a workflow with
 * them: the effective default token (the repository's setting, else the organization's), the
 * fork-PR approval policy, and the runner groups and runners that can serve the repository.
 * Each may be unavailable; rules then say "not evaluated" rather than assume.
 */
public record RepoSettings(
    Readable<WorkflowTokenDefaults> tokenDefaults, Readable<String> forkPrApproval,
    Readable<List<RunnerGroup>> runnerGroups, Readable<List<Runner>> runners) {

  public static RepoSettings unknown(String why) {
    return new RepoSettings(Readable.unavailable(-1, why), Readable.unavailable(-1, why),
        Readable.unavailable(-1, why), Readable.unavailable(-1, why));
  }
}
