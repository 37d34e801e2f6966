package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.PinKind;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.parse.Expressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Untrusted checkouts (code from the PR head) and execution after them
 * (../rules-catalogue.md, "untrusted checkout", "execution after checkout").
 */
public final class Checkouts {

  /** A step that brings PR-head code into the workspace, and why we think so. */
  public record Untrusted(Step step, String reason) {}

  private static final Set<String> HEAD_CONTEXTS = Set.of(
      "github.event.pull_request.head.sha", "github.event.pull_request.head.ref", "github.head_ref",
      "github.event.pull_request.head.repo.full_name", "github.event.pull_request.merge_commit_sha",
      "github.event.workflow_run.head_sha", "github.event.workflow_run.head_branch",
      "github.event.workflow_run.head_repository.full_name",
      "github.event.workflow_run.pull_requests.*.head.sha", "github.event.workflow_run.pull_requests.*.head.ref");

  private static final Pattern RUN_CHECKOUT = Pattern.compile(
      "(?:\\b(?:gh|hub)\\s+pr\\s+checkout\\b)"
          + "|(?:\\bgit\\s+fetch\\b[^\\n]*\\bpull/)"
          + "|(?:\\bgit\\s+(?:checkout|switch|reset|merge)\\b[^\\n]*\\bFETCH_HEAD\\b)"
          + "|(?:\\bgit\\s+(?:fetch|checkout|switch|pull)\\b[^\\n]*\\$\\{\\{\\s*(?:github\\.head_ref|github\\.event\\.pull_request\\.head\\.(?:sha|ref)|github\\.event\\.workflow_run\\.head_(?:sha|branch)))");

  /** Actions that run the project's own code (install scripts, builds, tests) when they run. */
  private static final Set<String> EXECUTING_ACTIONS = Set.of(
      "bahmutov/npm-install", "borales/actions-yarn", "cypress-io/github-action", "pnpm/action-setup",
      "gradle/gradle-build-action", "gradle/actions", "docker/build-push-action", "docker/bake-action",
      "goreleaser/goreleaser-action", "pre-commit/action", "pypa/cibuildwheel", "pypa/gh-action-pypi-publish",
      "pyo3/maturin-action", "sonarsource/sonarcloud-github-action", "sonarsource/sonarqube-scan-action",
      "github/codeql-action", "ruby/setup-ruby", "actions-rs/cargo", "coverallsapp/github-action",
      "codecov/codecov-action", "nrwl/nx-set-shas", "softprops/action-gh-release", "peter-evans/create-pull-request",
      "changesets/action", "astral-sh/setup-uv", "microsoft/setup-msbuild", "jakejarvis/hugo-build-action");

  private Checkouts() {}

  /** Steps of {@code job} that check out PR-head code, in order. */
  public static List<Untrusted> untrusted(Job job) {
    List<Untrusted> found = new ArrayList<>();
    for (Step step : job.steps()) {
      String reason = reason(step);
      if (reason != null) {
        found.add(new Untrusted(step, reason));
      }
    }
    return found;
  }

  static String reason(Step step) {
    if (step.uses() != null && step.uses().is("actions/checkout")) {
      if (refusesForkCheckout(step)) {
        return null;
      }
      for (String input : new String[] {"ref", "repository"}) {
        Scalar value = step.with(input);
        if (value == null) {
          continue;
        }
        if (value.value().contains("refs/pull/")) {
          return "checks out " + input + " '" + value.value().strip() + "'";
        }
        for (Expressions.Expression e : Expressions.find(value.value())) {
          for (String context : e.contexts()) {
            if (headContext(context)) {
              return "checks out " + input + " ${{ " + e.body() + " }}";
            }
          }
        }
      }
      return null;
    }
    if (step.run() != null) {
      Matcher m = RUN_CHECKOUT.matcher(step.run().value());
      if (m.find()) {
        return "fetches PR code with '" + m.group().strip() + "'";
      }
    }
    return null;
  }

  private static boolean headContext(String context) {
    if (HEAD_CONTEXTS.contains(context)) {
      return true;
    }
    // Outputs of steps or jobs that resolve the PR head for comment-triggered workflows.
    return (context.startsWith("steps.") || context.startsWith("needs.")) && context.contains(".outputs.")
        && context.substring(context.lastIndexOf('.') + 1).contains("head");
  }

  /**
   * actions/checkout v7 and later refuse a fork's head under privileged triggers unless
   * {@code allow-unsafe-pr-checkout: true}; a SHA pin cannot be dated, so it counts as older.
   */
  static boolean refusesForkCheckout(Step step) {
    Scalar optOut = step.with("allow-unsafe-pr-checkout");
    if (optOut != null && optOut.value().strip().equalsIgnoreCase("true")) {
      return false;
    }
    if (step.uses().pin() != PinKind.TAG) {
      return false;
    }
    String ref = step.uses().ref().toLowerCase(Locale.ROOT);
    Matcher major = Pattern.compile("^v?(\\d+)").matcher(ref);
    return major.find() && Integer.parseInt(major.group(1)) >= 7;
  }

  /** The first step after {@code index} in {@code job} that executes workspace code, or null. */
  public static Step executionAfter(Job job, int index) {
    for (Step step : job.steps()) {
      if (step.index() > index && executes(step)) {
        return step;
      }
    }
    return null;
  }

  public static boolean executes(Step step) {
    if (step.run() != null && !step.run().value().isBlank()) {
      return true;
    }
    if (step.uses() == null) {
      return false;
    }
    if (step.uses().local()) {
      return true;
    }
    String slug = step.uses().slug();
    if (slug == null) {
      return false;
    }
    if (EXECUTING_ACTIONS.contains(slug)) {
      return true;
    }
    // setup-* actions run project code when asked to install dependencies.
    return slug.contains("/setup-") && (step.with("install") != null || step.with("run_install") != null
        || step.with("bundler-cache") != null || step.with("install-deps") != null);
  }
}
