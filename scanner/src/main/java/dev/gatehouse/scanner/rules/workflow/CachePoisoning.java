package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Permissions;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Trigger;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.CacheAndPublishSteps;
import dev.gatehouse.scanner.rule.CacheAndPublishSteps.Cache;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs.Exposure;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs.SecretRef;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's cache is shared by every run on the default branch, and any of them can write an entry
 * that later runs restore. A release built from a restored cache ships whatever the last writer put
 * there; a privileged job that handles PR code is exactly such a writer.
 */
@RuleInfo(
    id = "cache-poisoning",
    summary = "cache restored into a release build, or saved by a job that handles pr code",
    severity = Severity.MEDIUM,
    confidence = Confidence.MEDIUM,
    target = Target.WORKFLOW,
    aliases = {"cache-poisoning"})
public final class CachePoisoning implements WorkflowRule {

  /** A condition that is false on tag refs: {@code !startsWith(github.ref, 'refs/tags/')}, {@code github.ref_type != 'tag'}. */
  private static final Pattern NOT_TAG = Pattern.compile(
      "!\\s*startsWith\\(\\s*github\\.ref\\s*,\\s*'refs/tags/?'\\s*\\)|github\\.ref_type\\s*!=\\s*'tag'");
  private static final Pattern NOT_RELEASE = Pattern.compile(NOT_TAG.pattern() + "|github\\.event_name\\s*!=\\s*'release'");
  /** The same test without the negation: true on tag refs. */
  private static final Pattern ON_TAG = Pattern.compile(
      "^\\$\\{\\{\\s*(?:startsWith\\(\\s*github\\.ref\\s*,\\s*'refs/tags/?'\\s*\\)|github\\.ref_type\\s*==\\s*'tag')\\s*}}$");

  /** Token scopes that let a job change what users get: code, tags, packages, pages, deployments, OIDC identity. */
  private static final List<String> RELEASE_SCOPES = List.of(
      "contents", "packages", "id-token", "pages", "deployments", "actions", "attestations");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // an action's caching is judged in the workflow that runs it
    }
    if (workflow.allSteps().stream().allMatch(step -> CacheAndPublishSteps.cache(step) == null)) {
      return; // no cache anywhere, nothing to poison
    }
    Trigger releaseTrigger = releaseTrigger(workflow);
    Set<String> feeding = CacheAndPublishSteps.jobsFeedingPublishers(workflow);
    for (Job job : workflow.jobs()) {
      if (job.steps().stream().allMatch(step -> CacheAndPublishSteps.cache(step) == null)) {
        continue; // no cache, nothing to poison
      }
      List<Exposure> exposures = UntrustedCheckoutJobs.exposures(context, job);
      String ships = job.steps().stream().anyMatch(CacheAndPublishSteps::publishes) ? "job '" + job.id() + "' publishes"
          : feeding.contains(job.id()) ? "job '" + job.id() + "' builds an artifact that a publishing job takes" : null;
      String holds = releaseTrigger == null ? null : holds(workflow, job);
      for (Step step : job.steps()) {
        Cache cache = CacheAndPublishSteps.cache(step);
        if (cache == null) {
          continue;
        }
        // On a release trigger, a job that neither ships nor holds credentials cannot hand a poisoned cache onwards.
        String release = ships != null ? ships : holds == null ? null
            : (releaseTrigger.event().equals("release") ? "triggered by release; " : "triggered by pushing tags; ") + holds;
        // A step or job written to skip the release ref or event keeps the cache out of the release run.
        if (releaseTrigger != null && (skipsRelease(step.condition(), releaseTrigger)
            || skipsRelease(job.condition(), releaseTrigger) || tagAware(step))) {
          release = null;
        }
        if (cache.restores() && release != null) {
          context.report("Job '" + job.id() + "' restores a cache (" + cache.describe() + ") in a release workflow ("
                  + release + "); any run on the default branch can write that cache, so a poisoned entry ends up in"
                  + " what you ship. Turn caching off in release jobs")
              .at(step, cache.pos()).evidence("restore").confidence(cache.implicit() ? Confidence.LOW : Confidence.MEDIUM)
              .emit();
        }
        if (cache.saves() && !exposures.isEmpty()) {
          Exposure exposure = exposures.stream().filter(e -> e.execution() != null).findFirst().orElse(exposures.get(0));
          WorkflowContext.Report report = context.report("Under " + UntrustedCheckoutJobs.triggers(workflow) + ", job '"
                  + job.id() + "' " + exposure.checkout().reason() + " and saves a cache (" + cache.describe()
                  + "); entries saved here are restored by later trusted runs of the default branch, including releases."
                  + " Do not save caches in jobs that handle PR code (use actions/cache/restore, or turn caching off)")
              .at(step, cache.pos()).evidence("save").confidence(Confidence.HIGH);
          if (exposure.execution() != null) {
            report.severity(Severity.HIGH, "the PR's code runs in the job before the cache is saved");
          }
          report.emit();
        }
      }
    }
  }

  /**
   * The condition is false on the release's ref or event: a tag test or {@code github.event_name != 'release'}
   * as the whole condition, or as a leading or trailing {@code &&} term (an {@code ||} elsewhere cannot undo it).
   */
  private static boolean skipsRelease(Scalar condition, Trigger release) {
    if (condition == null) {
      return false;
    }
    String c = condition.value().strip().replaceFirst("^\\$\\{\\{", "").replaceFirst("}}$", "").strip();
    Matcher m = (release.event().equals("release") ? NOT_RELEASE : NOT_TAG).matcher(c);
    while (m.find()) {
      String before = c.substring(0, m.start()).strip();
      String after = c.substring(m.end()).strip();
      if ((!c.contains("||")) || (before.isEmpty() && (after.isEmpty() || after.startsWith("&&")))
          || (after.isEmpty() && before.endsWith("&&") && !before.contains("||"))) {
        return true;
      }
    }
    return false;
  }

  /** Caching switched by a tag test ({@code enable-cache: ${{ !startsWith(github.ref, 'refs/tags/') }}}): written to stay off for releases. */
  private static boolean tagAware(Step step) {
    return step.with().values().stream().map(v -> v.value().strip())
        .anyMatch(v -> ON_TAG.matcher(v).matches() || ON_TAG.matcher(v.replaceFirst("^\\$\\{\\{\\s*!\\s*", "\\${{ ")).matches()
            || ON_TAG.matcher(v.replace("!=", "==")).matches());
  }

  private static Trigger releaseTrigger(Workflow workflow) {
    return workflow.triggers().stream()
        .filter(t -> t.event().equals("release") || (t.event().equals("push") && t.filters().containsKey("tags")))
        .findFirst().orElse(null);
  }

  /** Why a job in a release run matters: it holds secrets or a token that can publish or push. */
  private static String holds(Workflow workflow, Job job) {
    List<String> secrets = UntrustedCheckoutJobs.secrets(workflow, job).stream().map(SecretRef::name).toList();
    if (!secrets.isEmpty()) {
      return "the job holds secrets (" + String.join(", ", secrets) + ")";
    }
    Permissions permissions = job.permissions() != null ? job.permissions() : workflow.permissions();
    if (permissions == null) {
      return "the job has the repository default token, which may be writable";
    }
    List<String> writes = RELEASE_SCOPES.stream().filter(s -> permissions.level(s).equals("write")).toList();
    return writes.isEmpty() ? null : "its token can write " + String.join(", ", writes);
  }

}
