package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Environment;
import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What workflow rules may know about a repository in a service scan: its visibility, the labels
 * of self-hosted runners that can serve it, which environments need reviewers, and the
 * effective settings (a readable repository setting overrides the organization's; an unreadable
 * one leaves the effective value unknown).
 */
public final class RepoContexts {

  private RepoContexts() {}

  public static RepoContext of(OrgScan scan, RepoSnapshot repo) {
    String name = repo.repository().fullName();
    Readable<List<Runner>> runners = runners(scan, repo);
    Optional<Set<String>> labels = runners instanceof Readable.Available<List<Runner>> r
        ? Optional.of(labels(r.value())) : Optional.empty();
    Optional<Map<String, Boolean>> environments = repo.environments() instanceof Readable.Available<List<Environment>> e
        ? Optional.of(reviewers(e.value())) : Optional.empty();
    RepoSettings settings = new RepoSettings(token(scan, repo), scan.org().forkPrApprovalPolicy(),
        scan.org().runnerGroups(), runners);
    return new RepoContext(name, Optional.ofNullable(repo.repository().visibility()), labels, environments, settings);
  }

  static Readable<WorkflowTokenDefaults> token(OrgScan scan, RepoSnapshot repo) {
    Readable<WorkflowTokenDefaults> own = repo.workflowDefaults();
    if (own instanceof Readable.Available<WorkflowTokenDefaults> || own instanceof Readable.Unavailable<WorkflowTokenDefaults>) {
      return own;
    }
    return scan.org().workflowDefaults();
  }

  /** Repository runners, plus org runners whose group can serve this repository. */
  static Readable<List<Runner>> runners(OrgScan scan, RepoSnapshot repo) {
    List<Runner> result = new ArrayList<>();
    if (repo.runners() instanceof Readable.Available<List<Runner>> own) {
      result.addAll(own.value());
    } else if (repo.runners() instanceof Readable.Unavailable<List<Runner>> u) {
      return Readable.unavailable(u.status(), u.reason());
    }
    Readable<List<Runner>> org = scan.org().runners();
    Readable<List<RunnerGroup>> groups = scan.org().runnerGroups();
    if (!(org instanceof Readable.Available<List<Runner>> o) || !(groups instanceof Readable.Available<List<RunnerGroup>> g)) {
      return Readable.unavailable(-1, "the organization's runners or runner groups could not be read: "
          + (org.reason() != null ? org.reason() : groups.reason()));
    }
    Set<Long> serving = new HashSet<>();
    for (RunnerGroup group : g.value()) {
      if ("selected".equals(group.visibility()) && !group.selectedRepositories().available()) {
        // Which repositories the group serves is unknown, so this repository's runners are too.
        return Readable.unavailable(-1, "the repositories of runner group '" + group.name() + "' could not be read: "
            + group.selectedRepositories().reason());
      }
      // GitHub's visibilities: all, selected, and private (every private repository).
      boolean visible = "all".equals(group.visibility())
          || ("private".equals(group.visibility()) && !repo.repository().isPublic())
          || (group.selectedRepositories().orNull() != null && group.selectedRepositories().orNull().contains(repo.repository().fullName()));
      boolean publicOk = !repo.repository().isPublic() || group.allowsPublicRepositories();
      if (visible && publicOk) {
        serving.add(group.id());
      }
    }
    for (Runner r : o.value()) {
      if (r.groupId() == null || serving.contains(r.groupId())) {
        result.add(r);
      }
    }
    return Readable.of(result);
  }

  private static Set<String> labels(List<Runner> runners) {
    Set<String> labels = new HashSet<>();
    runners.forEach(r -> r.labels().forEach(l -> labels.add(l.toLowerCase(java.util.Locale.ROOT))));
    return labels;
  }

  private static Map<String, Boolean> reviewers(List<Environment> environments) {
    Map<String, Boolean> map = new LinkedHashMap<>();
    environments.forEach(e -> map.put(e.name(), e.requiresReviewers()));
    return map;
  }
}
