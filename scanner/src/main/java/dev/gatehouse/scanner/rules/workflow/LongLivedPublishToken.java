package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.PublishCommands;
import dev.gatehouse.scanner.rule.PublishCommands.Tool;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.SourcePositions;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored registry token works from anywhere until someone revokes it, so one leak publishes
 * malware under the project's name; trusted publishing (OIDC) mints a short-lived credential bound
 * to this repository and workflow instead.
 */
@RuleInfo(
    id = "long-lived-publish-token",
    summary = "package published with a stored registry token where trusted publishing exists",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"use-trusted-publishing"})
public final class LongLivedPublishToken implements WorkflowRule {

  private static final Pattern PUBLISHING = Pattern.compile("publish|release|deploy");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow != null) {
      workflow.jobs().forEach(job -> job.steps().forEach(step -> check(context, workflow.env(), job, job.steps(), step)));
    } else {
      context.action().steps().forEach(step -> check(context, Map.of(), null, context.action().steps(), step));
    }
  }

  private static void check(WorkflowContext context, Map<String, Scalar> top, Job job, List<Step> steps, Step step) {
    if (step.uses() != null && step.uses().is("pypa/gh-action-pypi-publish")) {
      Scalar password = step.with("password");
      Scalar url = step.with().getOrDefault("repository-url", step.with("repository_url"));
      // a private index (not pypi.org or test.pypi.org) has no trusted publishing to move to
      if (password != null && PublishCommands.secret(password.value()) != null && (url == null || url.value().contains("pypi.org"))) {
        context.report("pypa/gh-action-pypi-publish uploads with password: " + password.value().strip()
                + ", a long-lived PyPI token; configure a trusted publisher on PyPI, grant this job id-token: write "
                + "and remove the password input")
            .at(step, password.pos()).evidence("pypi-publish").emit();
      }
      return;
    }
    Scalar script = script(step);
    boolean namedForPublishing = PUBLISHING.matcher(step.label().toLowerCase(Locale.ROOT)).find();
    // Every publish command contains one of these words; skip the regexes when none is there.
    boolean mayPublish = script != null && (script.value().contains("publish") || script.value().contains("upload")
        || script.value().contains("push"));
    for (Tool tool : PublishCommands.TOOLS) {
      String verb = tool.name().substring(tool.name().indexOf(' ') + 1);
      // every command of a tool contains its verb; PyPI's tools say "upload" (twine) or "publish" (uv, poetry, ...)
      boolean mentions = mayPublish && (script.value().contains(verb) || (verb.equals("upload") && script.value().contains("publish")));
      Matcher m = !mentions ? null : tool.command().matcher(script.value());
      if (m == null || !m.find()) {
        outOfSight(context, tool, step, namedForPublishing);
        continue;
      }
      String line = PublishCommands.lineAt(script.value(), m.start());
      // a dry run uploads nothing; another registry may offer no trusted publishing to move to
      if (line.contains("--dry-run") || tool.elsewhere().matcher(line).find() || steps.stream()
          .map(s -> s.with("registry-url")).anyMatch(u -> u != null && tool.elsewhere().matcher(u.value()).find())) {
        continue;
      }
      String token = PublishCommands.token(tool.tokenVars(), line, top, job, step);
      for (int i = 0; token == null && i < steps.size() && steps.get(i) != step; i++) {
        token = PublishCommands.configured(tool, top, job, steps.get(i));
      }
      if (token != null) {
        context.report(tool.name() + " in step '" + step.label() + "' authenticates with " + token
                + ", a long-lived token; " + tool.fix() + ", then revoke the stored token")
            .at(step, SourcePositions.of(context.file().lines(), script, m.start(), line.strip()))
            .evidence(tool.name()).emit();
      }
    }
  }

  /** The step's shell script, or the command a known publishing action runs for it. */
  private static Scalar script(Step step) {
    if (step.run() != null) {
      return step.run();
    }
    if (step.uses() != null && step.uses().is("pyo3/maturin-action") && step.with("command") != null) {
      Scalar c = step.with("command");
      Scalar args = step.with("args");
      return new Scalar("maturin " + c.value() + (args == null ? "" : " " + args.value()), c.pos(), false);
    }
    return step.uses() != null && step.uses().is("changesets/action") ? step.with("publish") : null;
  }

  /**
   * A step that hands a registry token to a command we cannot see (a release script, a releaser
   * action): reported at the variable, at medium confidence. npm tokens also install private
   * packages, so for them the step must be named like a publish step.
   */
  private static void outOfSight(WorkflowContext context, Tool tool, Step step, boolean namedForPublishing) {
    boolean publishing = tool.publishOnly() || namedForPublishing;
    if ((step.run() == null && step.uses() == null) || !publishing) {
      return;
    }
    for (String name : tool.tokenVars()) {
      Scalar value = step.env().get(name);
      String source = value == null ? null : PublishCommands.secret(value.value());
      if (source != null) {
        context.report("step '" + step.label() + "' hands " + name + " from " + source + " to a " + tool.name()
                + " out of sight, a long-lived token; " + tool.fix() + ", then revoke the stored token")
            .at(step, value.pos()).evidence(tool.name() + ":" + name).confidence(Confidence.MEDIUM).emit();
        return;
      }
    }
  }
}
