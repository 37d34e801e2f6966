package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the cache-poisoning rule knows about actions: which steps restore or save GitHub's cache
 * (and the input that switches it), and which steps publish what a workflow builds.
 */
public final class CacheAndPublishSteps {

  /** A cache step, the input that turns caching on (null when none does), and what it does. */
  public record Cache(Step step, String name, Scalar input, boolean implicit, boolean restores, boolean saves) {
    public Pos pos() {
      return input != null ? input.pos() : step.uses().pos();
    }

    public String describe() {
      return step.uses().target() + (input != null ? " with " + name + ": " + input.value().strip()
          : implicit ? ", which caches by default" : "");
    }
  }

  private static final Set<String> PUBLISHERS = Set.of(
      "pypa/gh-action-pypi-publish", "rubygems/release-gem", "goreleaser/goreleaser-action", "softprops/action-gh-release",
      "ncipollo/release-action", "svenstaro/upload-release-action", "jreleaser/release-action", "js-devtools/npm-publish",
      "redhat-actions/push-to-registry", "actions/deploy-pages", "peaceiris/actions-gh-pages", "cloudflare/wrangler-action",
      "actions/publish-immutable-action");
  private static final Pattern PUBLISH_COMMAND = Pattern.compile("\\b(?:(?:npm|pnpm|yarn(?:\\s+npm)?)\\s+publish|twine\\s+upload"
      + "|cargo\\s+publish|gem\\s+push|gh\\s+release\\s+(?:create|upload)|uv\\s+publish|poetry\\s+publish|docker\\s+push)\\b(?![^\\n]*--dry-run)");

  private CacheAndPublishSteps() {}

  /** Jobs that publish, and the jobs they need (directly or not) that upload an artifact a publishing job downloads. */
  public static Set<String> jobsFeedingPublishers(Workflow workflow) {
    List<Job> publishers = workflow.jobs().stream().filter(j -> j.steps().stream().anyMatch(CacheAndPublishSteps::publishes)).toList();
    List<String> wanted = new ArrayList<>();
    for (Job publisher : publishers) {
      for (Step step : publisher.steps()) {
        if (step.uses() != null && step.uses().is("actions/download-artifact")) {
          Scalar spec = step.with("name") != null ? step.with("name") : step.with("pattern");
          wanted.add(spec == null ? "*" : spec.value().strip());
        }
      }
    }
    Set<String> feeding = new HashSet<>();
    Deque<Job> queue = new ArrayDeque<>(publishers);
    publishers.forEach(p -> feeding.add(p.id()));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      Job job = queue.poll();
      if (!seen.add(job.id())) {
        continue;
      }
      for (Step step : job.steps()) {
        Scalar name = step.uses() != null && step.uses().is("actions/upload-artifact") ? step.with("name") : null;
        String uploaded = name == null ? "artifact" : name.value().strip();
        if (step.uses() != null && step.uses().is("actions/upload-artifact") && wanted.stream().anyMatch(w -> matches(w, uploaded))) {
          feeding.add(job.id());
        }
      }
      job.needs().forEach(need -> workflow.job(need).ifPresent(queue::add));
    }
    return feeding;
  }

  /** Whether a download-artifact name or pattern can select an upload's name; expressions match anything. */
  private static boolean matches(String spec, String name) {
    String a = spec.replaceAll("\\$\\{\\{.*?}}", "*");
    String b = name.replaceAll("\\$\\{\\{.*?}}", "*");
    if (b.contains("*")) {
      String pa = a.split("\\*", -1)[0];
      String pb = b.split("\\*", -1)[0];
      return pa.startsWith(pb) || pb.startsWith(pa);
    }
    return b.matches(Pattern.quote(a).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
  }

  /** A step that publishes: a known publishing action, or a publish command outside a dry run. */
  public static boolean publishes(Step step) {
    if (step.run() != null) {
      String run = step.run().value();
      // Every publish command contains one of these words; skip the regex when none is there.
      return (run.contains("publish") || run.contains("upload") || run.contains("push") || run.contains("release"))
          && PUBLISH_COMMAND.matcher(run).find();
    }
    if (step.uses() == null || !step.uses().remote()) {
      return false;
    }
    if (step.uses().is("docker/build-push-action")) {
      Scalar push = step.with("push");
      return push != null && !push.value().strip().equalsIgnoreCase("false");
    }
    return PUBLISHERS.contains(step.uses().target());
  }

  /** The caching a step turns on, or null when it caches nothing. */
  public static Cache cache(Step step) {
    if (step.uses() == null || !step.uses().remote()) {
      return null;
    }
    String target = step.uses().target();
    return switch (target) {
      case "actions/cache" -> off(step.with("lookup-only"), "true") ? null : new Cache(step, null, null, false, true, true);
      case "actions/cache/restore" -> new Cache(step, null, null, false, true, false);
      case "actions/cache/save" -> new Cache(step, null, null, false, false, true);
      case "actions/setup-node", "actions/setup-python", "actions/setup-java", "graalvm/setup-graalvm" ->
          set(step.with("cache")) ? cache(step, "cache", false, true) : null;
      case "actions/setup-dotnet" -> on(step.with("cache")) ? cache(step, "cache", false, true) : null;
      case "astral-sh/setup-uv" -> on(step.with("enable-cache")) ? cache(step, "enable-cache", false, true) : null;
      case "ruby/setup-ruby" -> on(step.with("bundler-cache")) ? cache(step, "bundler-cache", false, true) : null;
      case "actions/setup-go", "actions-rust-lang/setup-rust-toolchain", "jdx/mise-action" ->
          off(step.with("cache"), "false") ? null : cache(step, "cache", step.with("cache") == null, true);
      case "swatinem/rust-cache" -> off(step.with("lookup-only"), "true") ? null
          : new Cache(step, null, null, true, true, !off(step.with("save-if"), "false"));
      case "gradle/actions/setup-gradle", "gradle/gradle-build-action" -> off(step.with("cache-disabled"), "true") ? null
          : new Cache(step, null, null, true, true, !off(step.with("cache-read-only"), "true"));
      default -> null;
    };
  }

  private static Cache cache(Step step, String input, boolean implicit, boolean saves) {
    return new Cache(step, input, step.with(input), implicit, true, saves);
  }

  /** A free-form input such as setup-node's {@code cache: npm}: set, and not empty or false. */
  private static boolean set(Scalar value) {
    return value != null && !value.value().isBlank() && !off(value, "false");
  }

  private static boolean on(Scalar value) {
    return value != null && (value.value().strip().equalsIgnoreCase("true") || value.containsExpression());
  }

  private static boolean off(Scalar value, String literal) {
    return value != null && value.value().strip().toLowerCase(Locale.ROOT).equals(literal);
  }
}
