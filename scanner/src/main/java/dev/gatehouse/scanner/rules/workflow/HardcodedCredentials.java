package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Container;
import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
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
 * A registry password written into a workflow is readable by everyone who can read the
 * repository, forks and clones included, and survives in git history after it is removed.
 */
@RuleInfo(
    id = "hardcoded-credentials",
    summary = "plaintext registry password in a job container or service",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"hardcoded-container-credentials"})
public final class HardcodedCredentials implements WorkflowRule {

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // action metadata has no containers or services
    }
    for (Job job : workflow.jobs()) {
      List<Container> containers = new ArrayList<>();
      if (job.container() != null) {
        containers.add(job.container());
      }
      containers.addAll(job.services());
      for (Container c : containers) {
        Scalar password = c.password();
        // an expression (secrets.X, a matrix value, an input) is resolved at run time: not plaintext
        if (password == null || password.value().isBlank() || password.containsExpression()) {
          continue;
        }
        String what = c.name().equals("container") ? "the job container" : "service " + c.name();
        String image = c.image() == null ? "" : " (image " + c.image().value() + ")";
        Scalar user = c.username();
        String username = user != null && !user.value().isBlank() && !user.containsExpression()
            ? " next to a literal username" : "";
        context.report("credentials.password of " + what + image + " in job " + job.id() + " is written in plaintext"
                + username + "; anyone who can read the repository can use it. Revoke it and pass "
                + "${{ secrets.NAME }} instead")
            .at(password.pos(), c.path() + ".credentials.password")
            .emit();
      }
    }
  }
}
