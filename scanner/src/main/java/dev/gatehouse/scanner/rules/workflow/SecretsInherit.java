package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code secrets: inherit} hands every repository, environment and organization secret to the
 * called workflow, so a bug or a moved ref there leaks secrets it never needed; naming the few
 * it uses keeps the blast radius to those.
 */
@RuleInfo(
    id = "secrets-inherit",
    summary = "every secret passed to a reusable workflow with secrets: inherit",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"secrets-inherit"})
public final class SecretsInherit implements WorkflowRule {

  private static final Pattern INHERIT = Pattern.compile("^(\\s*)secrets\\s*:\\s*[\"']?inherit\\b");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // action metadata cannot call reusable workflows
    }
    for (Job job : workflow.jobs()) {
      if (!job.secretsInherit() || job.uses() == null) {
        continue;
      }
      boolean local = job.uses().local();
      String callee = (local ? "the local workflow " : "") + job.uses().raw().trim();
      context.report("job " + job.id() + " passes every secret it can see to " + callee
              + " with secrets: inherit; list only the secrets the called workflow uses under secrets:")
          .at(line(workflow, job), job.path() + ".secrets")
          .evidence(job.uses().target())
          .emit();
    }
  }

  /** The {@code secrets: inherit} line inside the job, or the job's own position. */
  private static Pos line(Workflow workflow, Job job) {
    List<String> lines = workflow.lines();
    int end = lines.size();
    List<Job> jobs = workflow.jobs();
    int index = jobs.indexOf(job);
    if (index + 1 < jobs.size()) {
      end = Math.min(end, jobs.get(index + 1).pos().line() - 1);
    }
    for (int line = job.pos().line(); line <= end; line++) {
      Matcher m = INHERIT.matcher(lines.get(line - 1));
      if (m.find()) {
        return new Pos(line, m.group(1).length() + 1);
      }
    }
    return job.pos();
  }
}
