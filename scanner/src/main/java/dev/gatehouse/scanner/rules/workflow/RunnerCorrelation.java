package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.RunsOn;
import dev.gatehouse.scanner.rule.RepoSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the runner registrations and the fork-PR approval policy say about a self-hosted lane, for
 * self-hosted-untrusted-trigger. A runner serves a job when it carries every one of the job's
 * labels (case-insensitive) and, for {@code runs-on: group:}, sits in that group.
 */
final class RunnerCorrelation {

  /** The only triggers fork-PR approval holds back; privileged triggers run without it. */
  private static final Set<String> APPROVAL_GATED = Set.of("pull_request", "pull_request_review");

  private RunnerCorrelation() {}

  /** Why a runner that can take the job makes it critical, or null when none does (or nothing is known). */
  static String riskyRunner(RepoSettings settings, RunsOn runsOn, String laneLabel) {
    List<Runner> runners = settings.runners().orNull();
    if (runners == null) {
      return null;
    }
    List<RunnerGroup> groups = settings.runnerGroups().orNull();
    List<String> wanted = new ArrayList<>(runsOn.labels().stream().filter(l -> !l.contains("${{")).map(String::strip).toList());
    if (wanted.isEmpty() && !laneLabel.equals("runner group")) {
      wanted.add(laneLabel); // a matrix or expression lane: the label it picks
    }
    String groupName = runsOn.group() == null || runsOn.group().contains("${{") ? null : runsOn.group().strip();
    if (wanted.isEmpty() && groupName == null) {
      return null;
    }
    for (Runner runner : runners) {
      RunnerGroup group = groupOf(runner, groups);
      if (!carriesAll(runner, wanted) || groupName != null && (group == null || !group.name().equalsIgnoreCase(groupName))) {
        continue;
      }
      List<String> why = new ArrayList<>();
      if (group != null && group.allowsPublicRepositories()) {
        why.add("is in runner group '" + group.name() + "', which allows public repositories");
      }
      if (!runner.ephemeral()) {
        why.add("is not ephemeral, so what the fork leaves on it persists into later jobs");
      }
      if (!why.isEmpty()) {
        return "runner '" + runner.name() + "' can take this job and " + String.join(" and ", why);
      }
    }
    return null;
  }

  /** What about the runners could not be checked, or null when everything needed was read. */
  static String uncheckedRunners(RepoSettings settings) {
    if (settings.runners() instanceof Readable.Unavailable<?> u) {
      return "the runner registrations could not be checked (" + u.reason() + "), so whether a runner for this job is "
          + "non-ephemeral or in a group that allows public repositories is unknown";
    }
    if (settings.runnerGroups() instanceof Readable.Unavailable<?> u) {
      return "the runner groups could not be checked (" + u.reason() + "), so whether a runner for this job is in a group "
          + "that allows public repositories is unknown";
    }
    return null;
  }

  /** True when every event is one fork-PR approval holds back. */
  static boolean approvalGated(Set<String> events) {
    return !events.isEmpty() && APPROVAL_GATED.containsAll(events);
  }

  /** Why fork-PR approval lowers the finding, or null when it does not apply. */
  static String approval(RepoSettings settings, Set<String> events) {
    return approvalGated(events) && "all_external_contributors".equals(settings.forkPrApproval().orNull())
        ? "every outside contributor's pull request waits for a maintainer's approval before workflows run "
            + "(approval_policy: all_external_contributors)"
        : null;
  }

  /** A note when the approval policy would matter but could not be read, else null. */
  static String uncheckedApproval(RepoSettings settings, Set<String> events) {
    return approvalGated(events) && settings.forkPrApproval() instanceof Readable.Unavailable<?> u
        ? "the fork-PR approval policy could not be checked (" + u.reason() + ")"
        : null;
  }

  private static RunnerGroup groupOf(Runner runner, List<RunnerGroup> groups) {
    if (groups == null || runner.groupId() == null) {
      return null;
    }
    return groups.stream().filter(g -> g.id() == runner.groupId()).findFirst().orElse(null);
  }

  private static boolean carriesAll(Runner runner, List<String> wanted) {
    Set<String> has = Set.copyOf(runner.labels().stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
    return wanted.stream().allMatch(l -> has.contains(l.toLowerCase(Locale.ROOT)));
  }
}
