package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Action;
import dev.gatehouse.scanner.model.Container;
import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.ArrayList;
import java.util.List;

/**
 * An image tag is as movable as a git tag: whoever can push to the registry decides what runs
 * next time, with the job's token and secrets. Only a {@code @sha256:} digest names fixed content.
 */
@RuleInfo(
    id = "unpinned-image",
    summary = "container, service or docker:// image without a @sha256 digest",
    severity = Severity.LOW,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"unpinned-images"})
public final class UnpinnedImage implements WorkflowRule {

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow != null) {
      for (Job job : workflow.jobs()) {
        List<Container> containers = new ArrayList<>();
        if (job.container() != null) {
          containers.add(job.container());
        }
        containers.addAll(job.services());
        for (Container c : containers) {
          String what = c.name().equals("container") ? "the container of job " + job.id()
              : "service " + c.name() + " of job " + job.id();
          check(context, c.image(), c.image() == null ? null : c.image().value(), what, c.path() + ".image");
        }
      }
    } else {
      Action action = context.action();
      Scalar image = action.image();
      // runs.image may name a Dockerfile in the action's own repository, built from reviewed source
      if (image != null && image.value().trim().startsWith("docker://")) {
        check(context, image, image.value().trim().substring("docker://".length()), "the action's runs.image", "runs.image");
      }
    }
    for (Step step : context.file().allSteps()) {
      Uses uses = step.uses();
      if (uses != null && uses.docker()) {
        check(context, Scalar.of(uses.raw(), uses.pos()), uses.path(), "step '" + step.label() + "'", step.path() + ".uses");
      }
    }
  }

  private static void check(WorkflowContext context, Scalar at, String image, String what, String path) {
    if (at == null || image == null || image.isBlank() || image.contains("@sha256:")) {
      return;
    }
    // an expression (matrix value, input) names an image we cannot see; it cannot be judged here
    if (image.contains("${{")) {
      return;
    }
    String name = image.trim();
    String lastSegment = name.substring(name.lastIndexOf('/') + 1);
    String tag = lastSegment.contains(":") ? "tag " + lastSegment.substring(lastSegment.indexOf(':') + 1)
        : "no tag (whatever latest is)";
    context.report("image " + name + " of " + what + " is pulled by " + tag
            + ", without a @sha256: digest; whoever can push that tag decides what runs. Pin it as "
            + name + "@sha256:<digest>")
        .at(at.pos(), path)
        .evidence(name)
        .emit();
  }
}
