package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.RunsOn;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Gates;
import dev.gatehouse.scanner.rule.RepoSettings;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.Triggers;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fork's author can run code on a self-hosted runner: on a persistent machine it can leave a
 * backdoor for the next job, read other jobs' secrets and caches, and reach the network the
 * runner sits in. GitHub-hosted runners are fresh VMs; self-hosted ones usually are not.
 */
@RuleInfo(
    id = "self-hosted-untrusted-trigger",
    summary = "job on a self-hosted runner that pull requests from forks can start",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"self-hosted-runner"})
public final class SelfHostedUntrustedTrigger implements WorkflowRule {

  private static final Pattern HOSTED = dev.gatehouse.scanner.rule.RepoFacts.HOSTED;
  /** Managed runner services (registered as self-hosted, but a fresh VM per job). */
  private static final Pattern MANAGED = Pattern.compile(
      "(depot|namespace-profile|blacksmith|buildjet|warp|ubicloud|runs-on)[-=/].*", Pattern.CASE_INSENSITIVE);
  /** A string literal an expression can evaluate to: the operand after {@code &&} or {@code ||}. */
  private static final Pattern RESULT_LITERAL = Pattern.compile("(?:&&|\\|\\|)\\s*'([^']+)'");
  private static final Pattern EVENT_IS = Pattern.compile("github\\.event_name\\s*==\\s*'([a-z_]+)'");
  private static final Pattern EVENT_IS_NOT = Pattern.compile("github\\.event_name\\s*!=\\s*'([a-z_]+)'");
  private static final Pattern BRANCH_OR_TAG = Pattern.compile(
      "github\\.ref\\s*==\\s*'refs/(heads|tags)/|startsWith\\(\\s*github\\.ref\\s*,\\s*'refs/(heads|tags)/");
  private static final Pattern WHOLE_MATRIX_REF = Pattern.compile("\\$\\{\\{\\s*matrix\\.[A-Za-z0-9_-]+\\s*}}");

  /** Why a label is taken for a self-hosted runner, and how sure that is. */
  private record Lane(String label, String why, Confidence confidence) {}

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // an action does not choose its runner
    }
    Set<String> reachable = Triggers.forkReachable(workflow, context.repo());
    if (reachable.isEmpty()) {
      return;
    }
    for (Job job : workflow.jobs()) {
      if (job.runsOn() == null || job.callsReusableWorkflow()) {
        continue;
      }
      Set<String> events = reachableFor(job, reachable);
      Lane lane = lane(context, job.runsOn());
      if (events.isEmpty() || lane == null) {
        continue;
      }
      RepoSettings settings = context.repo().settings();
      List<String> unchecked = java.util.stream.Stream.of(RunnerCorrelation.uncheckedRunners(settings),
          RunnerCorrelation.uncheckedApproval(settings, events)).filter(Objects::nonNull).toList();
      WorkflowContext.Report report = context.report("Job '" + job.id() + "' runs on " + lane.why() + " and can be started by a fork's "
              + "pull request (" + String.join(", ", events) + "): the fork's code runs on that machine. Use a GitHub-hosted runner "
              + "for untrusted code, or an ephemeral runner in a group that does not allow public repositories"
              + (unchecked.isEmpty() ? "" : "; not evaluated: " + String.join("; ", unchecked)))
          .at(job.runsOn().pos(), job.path() + ".runs-on")
          .evidence(lane.label())
          .confidence(lane.confidence());
      Severity severity = Severity.HIGH;
      String risky = RunnerCorrelation.riskyRunner(settings, job.runsOn(), lane.label());
      if (risky != null) {
        severity = Severity.CRITICAL;
        report.severity(severity, risky);
      }
      if (MANAGED.matcher(lane.label()).matches()) {
        severity = severity.lowered();
        report.severity(severity, "'" + lane.label() + "' looks like a managed runner service, which starts a fresh VM per job");
      }
      String gate = Gates.gate(job, context.repo());
      if (gate != null) {
        severity = severity.lowered();
        report.severity(severity, gate);
      }
      String approval = RunnerCorrelation.approval(settings, events);
      if (approval != null) {
        severity = severity.lowered();
        report.severity(severity, approval);
      }
      String missing = unregistered(context, job.runsOn());
      if (missing != null) {
        report.severity(Severity.INFO, "no registered self-hosted runner carries '" + missing
            + "': the lane cannot run today, but it will as soon as one registers");
      }
      report.emit();
    }
  }

  /** The first label that puts the job on a self-hosted runner, or null when none does. */
  private static Lane lane(WorkflowContext context, RunsOn runsOn) {
    Set<String> registered = context.repo().runnerLabels().orElse(Set.of());
    List<String> statics = new ArrayList<>();
    List<String> guessed = new ArrayList<>();
    for (String label : runsOn.labels()) {
      if (!label.contains("${{")) {
        statics.add(label.strip());
      } else if (WHOLE_MATRIX_REF.matcher(label.strip()).matches()) {
        // Every matrix value is a runner the job really uses, unless the value is itself an expression.
        runsOn.candidates().forEach(c -> (c.contains("${{") ? guessed : statics).add(c.strip()));
      } else {
        guessed.add(label);
        runsOn.candidates().forEach(guessed::add);
      }
    }
    // Literals inside an expression may be picked only for trusted events, and an expression we
    // cannot resolve (an input, fromJSON) is not reported: of those, only definite labels count.
    for (String expression : List.copyOf(guessed)) {
      Matcher m = RESULT_LITERAL.matcher(expression);
      while (m.find()) {
        guessed.add(m.group(1).strip());
      }
    }
    for (String label : java.util.stream.Stream.concat(statics.stream(), guessed.stream()).toList()) {
      if (label.equalsIgnoreCase("self-hosted")) {
        return new Lane(label, "a self-hosted runner (label 'self-hosted')", Confidence.HIGH);
      }
      if (containsIgnoreCase(registered, label)) {
        return new Lane(label, "a registered self-hosted runner (label '" + label + "')", Confidence.HIGH);
      }
      if (containsIgnoreCase(context.policy().selfHostedLabels(), label)) {
        return new Lane(label, "a self-hosted runner (label '" + label + "' is self-hosted by policy)", Confidence.HIGH);
      }
    }
    if (runsOn.group() != null && !runsOn.group().contains("${{")) {
      return new Lane("runner group", "runner group '" + runsOn.group() + "' (groups hold self-hosted or larger runners)", Confidence.MEDIUM);
    }
    for (String label : statics) {
      if (!label.isEmpty() && !HOSTED.matcher(label).matches()) {
        return new Lane(label, "'" + label + "', which is not a GitHub-hosted runner label", Confidence.MEDIUM);
      }
    }
    return null;
  }

  /** Fork-reachable events left once the job's own condition is applied (only simple, all-AND conditions). */
  private static Set<String> reachableFor(Job job, Set<String> reachable) {
    if (job.condition() == null || job.condition().value().contains("||")) {
      return reachable;
    }
    if (Gates.excludesForks(job)) {
      return Set.of(); // the job requires the PR to come from this repository
    }
    String text = job.condition().value();
    Set<String> events = new TreeSet<>(reachable);
    Matcher only = EVENT_IS.matcher(text);
    if (only.find()) {
      events.retainAll(Set.of(only.group(1)));
    }
    Matcher not = EVENT_IS_NOT.matcher(text);
    while (not.find()) {
      events.remove(not.group(1));
    }
    // A fork PR's github.ref is refs/pull/N/merge, so a branch or tag check excludes it (not so for
    // pull_request_target and comment events, whose ref is the base branch).
    if (BRANCH_OR_TAG.matcher(text).find()) {
      events.removeAll(Set.of("pull_request", "pull_request_review"));
    }
    return events;
  }

  /**
   * A label of the job that no registered runner carries, when the registrations are known. A
   * group or an expression is not judged: group membership and run-time values are not in the data.
   */
  private static String unregistered(WorkflowContext context, RunsOn runsOn) {
    Set<String> registered = context.repo().runnerLabels().orElse(null);
    if (registered == null || runsOn.group() != null) {
      return null;
    }
    for (String label : runsOn.labels()) {
      String l = label.strip();
      if (!l.contains("${{") && !HOSTED.matcher(l).matches() && !containsIgnoreCase(registered, l)) {
        return l;
      }
    }
    return null;
  }

  private static boolean containsIgnoreCase(Set<String> labels, String label) {
    return labels.stream().anyMatch(l -> l.equalsIgnoreCase(label));
  }
}
