package dev.gatehouse.web.alert;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.PrivateForkPrSettings;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.scanner.rule.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares the organization snapshots of two completed scans (../design.md, "Drift"): settings
 * changed, runners registered, removed or moved between groups, runner groups widened,
 * repositories added or made public, allowlist entries added. A change that weakens the posture
 * is high; other changes are low, so a reviewer still sees them. A setting that could not be
 * read in either scan is not compared: unknown is neither a change nor its absence.
 */
public final class DriftDetector {

  private static final List<String> APPROVAL_ORDER = List.of(
      "first_time_contributors_new_to_github", "first_time_contributors", "all_external_contributors");

  private DriftDetector() {}

  public static List<DriftEvent> compare(OrgSnapshot before, OrgSnapshot after) {
    List<DriftEvent> events = new ArrayList<>();
    String org = after.login();
    settings(events, org, before, after);
    allowlist(events, org, before.selectedActions(), after.selectedActions());
    repositories(events, before.repositories(), after.repositories());
    groups(events, org, before.runnerGroups(), after.runnerGroups());
    runners(events, org, before.runners(), after.runners(), after.runnerGroups());
    return events;
  }

  private static void settings(List<DriftEvent> events, String org, OrgSnapshot b, OrgSnapshot a) {
    field(events, org, "allowed_actions", b.actionsPermissions(), a.actionsPermissions(), ActionsPermissions::allowedActions,
        (x, y) -> "all".equals(y) || ("local_only".equals(x) && !"local_only".equals(y)));
    field(events, org, "enabled_repositories", b.actionsPermissions(), a.actionsPermissions(), ActionsPermissions::enabledRepositories,
        (x, y) -> "all".equals(y));
    field(events, org, "sha_pinning_required", b.actionsPermissions(), a.actionsPermissions(), p -> String.valueOf(p.shaPinningRequired()),
        (x, y) -> false);
    field(events, org, "default_workflow_permissions", b.workflowDefaults(), a.workflowDefaults(),
        WorkflowTokenDefaults::defaultWorkflowPermissions, (x, y) -> "write".equals(y));
    field(events, org, "can_approve_pull_request_reviews", b.workflowDefaults(), a.workflowDefaults(),
        d -> String.valueOf(d.canApprovePullRequestReviews()), (x, y) -> "true".equals(y));
    field(events, org, "approval_policy", b.forkPrApprovalPolicy(), a.forkPrApprovalPolicy(), Function.identity(),
        (x, y) -> APPROVAL_ORDER.indexOf(y) < APPROVAL_ORDER.indexOf(x));
    field(events, org, "send_write_tokens_to_workflows", b.privateForkPr(), a.privateForkPr(),
        p -> String.valueOf(p.sendWriteTokensToWorkflows()), (x, y) -> "true".equals(y));
    field(events, org, "send_secrets_and_variables", b.privateForkPr(), a.privateForkPr(),
        p -> String.valueOf(p.sendSecretsAndVariables()), (x, y) -> "true".equals(y));
    field(events, org, "require_approval_for_fork_pr_workflows", b.privateForkPr(), a.privateForkPr(),
        (PrivateForkPrSettings p) -> String.valueOf(p.requireApprovalForForkPrWorkflows()), (x, y) -> "false".equals(y));
    field(events, org, "self_hosted_runners.enabled_repositories", b.selfHostedRunnersRepositories(),
        a.selfHostedRunnersRepositories(), Function.identity(), (x, y) -> "all".equals(y));
  }

  private interface Weakens {
    boolean test(String before, String after);
  }

  private static <T> void field(List<DriftEvent> events, String org, String name, Readable<T> before, Readable<T> after,
      Function<T, String> value, Weakens weakens) {
    if (!(before instanceof Readable.Available<T> b) || !(after instanceof Readable.Available<T> a)) {
      return;
    }
    String x = value.apply(b.value());
    String y = value.apply(a.value());
    if (!Objects.equals(x, y)) {
      boolean weaker = weakens.test(x, y);
      events.add(new DriftEvent("setting-changed", weaker ? Severity.HIGH : Severity.LOW, org + ":" + name, x, y,
          "Organization setting " + name + " changed from " + x + " to " + y + (weaker ? ", which weakens the posture" : "")));
    }
  }

  private static void allowlist(List<DriftEvent> events, String org, Readable<SelectedActions> before, Readable<SelectedActions> after) {
    if (!(before instanceof Readable.Available<SelectedActions> b) || !(after instanceof Readable.Available<SelectedActions> a)) {
      return;
    }
    Set<String> added = new LinkedHashSet<>(a.value().patternsAllowed());
    b.value().patternsAllowed().forEach(added::remove);
    for (String pattern : added) {
      events.add(new DriftEvent("allowlist-entry-added", Severity.MEDIUM, org + ":patterns_allowed", null, pattern,
          "Allowlist entry " + pattern + " was added to the organization's allowed actions"));
    }
  }

  private static void repositories(List<DriftEvent> events, List<RepositoryInfo> before, List<RepositoryInfo> after) {
    Map<Long, RepositoryInfo> known = new HashMap<>();
    before.forEach(r -> known.put(r.id(), r));
    java.util.Set<Long> listed = new java.util.HashSet<>();
    for (RepositoryInfo r : after) {
      listed.add(r.id());
      RepositoryInfo old = known.get(r.id());
      if (old != null && !old.fullName().equals(r.fullName())) {
        events.add(new DriftEvent("repository-renamed", Severity.LOW, r.fullName(), old.fullName(), r.fullName(),
            "Repository " + old.fullName() + " is now " + r.fullName() + ": findings are identified by repository name, so those "
                + "under the old name are closed and the same problems are tracked again under the new one"));
      }
      if (old == null) {
        events.add(new DriftEvent("repository-added", r.isPublic() ? Severity.MEDIUM : Severity.LOW, r.fullName(), null, r.visibility(),
            "New " + r.visibility() + " repository " + r.fullName()));
      } else if (!old.isPublic() && r.isPublic()) {
        events.add(new DriftEvent("repository-made-public", Severity.HIGH, r.fullName(), old.visibility(), r.visibility(),
            "Repository " + r.fullName() + " was made public: fork pull requests can now reach its workflows"));
      }
    }
    for (RepositoryInfo r : before) {
      if (!listed.contains(r.id())) {
        events.add(new DriftEvent("repository-removed", Severity.LOW, r.fullName(), r.visibility(), null,
            "Repository " + r.fullName() + " is no longer listed: deleted, transferred, or no longer granted to Gatehouse. "
                + "Its open findings are closed"));
      }
    }
  }

  private static void groups(List<DriftEvent> events, String org, Readable<List<RunnerGroup>> before, Readable<List<RunnerGroup>> after) {
    if (!(before instanceof Readable.Available<List<RunnerGroup>> b) || !(after instanceof Readable.Available<List<RunnerGroup>> a)) {
      return;
    }
    Map<Long, RunnerGroup> known = new HashMap<>();
    b.value().forEach(g -> known.put(g.id(), g));
    for (RunnerGroup g : a.value()) {
      RunnerGroup old = known.get(g.id());
      if (old == null) {
        continue;
      }
      if (!old.allowsPublicRepositories() && g.allowsPublicRepositories()) {
        events.add(new DriftEvent("runner-group-widened", Severity.HIGH, org + ":runner-group:" + g.name(), "private repositories only",
            "public repositories allowed", "Runner group " + g.name() + " now allows public repositories"));
      }
      if (!"all".equals(old.visibility()) && "all".equals(g.visibility())) {
        events.add(new DriftEvent("runner-group-widened", Severity.MEDIUM, org + ":runner-group:" + g.name(), old.visibility(), "all",
            "Runner group " + g.name() + " is now available to all repositories"));
      }
      if (old.restrictedToWorkflows() && !g.restrictedToWorkflows()) {
        events.add(new DriftEvent("runner-group-widened", Severity.MEDIUM, org + ":runner-group:" + g.name(), "restricted to workflows",
            "any workflow", "Runner group " + g.name() + " is no longer restricted to selected workflows"));
      }
    }
  }

  private static void runners(List<DriftEvent> events, String org, Readable<List<Runner>> before, Readable<List<Runner>> after,
      Readable<List<RunnerGroup>> groups) {
    if (!(before instanceof Readable.Available<List<Runner>> b) || !(after instanceof Readable.Available<List<Runner>> a)) {
      return;
    }
    Map<Long, String> groupNames = new HashMap<>();
    if (groups instanceof Readable.Available<List<RunnerGroup>> g) {
      g.value().forEach(x -> groupNames.put(x.id(), x.name()));
    }
    Map<Long, Runner> known = new HashMap<>();
    b.value().forEach(r -> known.put(r.id(), r));
    Set<Long> present = new LinkedHashSet<>();
    for (Runner r : a.value()) {
      present.add(r.id());
      Runner old = known.get(r.id());
      if (old == null) {
        events.add(new DriftEvent("runner-registered", r.ephemeral() ? Severity.MEDIUM : Severity.HIGH, org + ":runner:" + r.name(),
            null, String.join(",", r.labels()), "Self-hosted runner " + r.name() + " registered with labels " + r.labels()
                + (r.ephemeral() ? "" : " (not ephemeral)")));
      } else if (!Objects.equals(old.groupId(), r.groupId())) {
        events.add(new DriftEvent("runner-moved", Severity.MEDIUM, org + ":runner:" + r.name(),
            groupNames.getOrDefault(old.groupId(), String.valueOf(old.groupId())), groupNames.getOrDefault(r.groupId(), String.valueOf(r.groupId())),
            "Self-hosted runner " + r.name() + " moved to another runner group"));
      }
    }
    for (Runner old : b.value()) {
      if (!present.contains(old.id())) {
        events.add(new DriftEvent("runner-removed", Severity.LOW, org + ":runner:" + old.name(), String.join(",", old.labels()), null,
            "Self-hosted runner " + old.name() + " was removed"));
      }
    }
  }
}
