package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Permissions;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.OidcUse;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.Triggers;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write scope is what turns a compromised step into a pushed commit, a published release or a
 * cloud login; granting it to jobs that do not use it widens every other finding in the file.
 */
@RuleInfo(
    id = "excessive-permissions",
    summary = "write-all, workflow-wide write scopes or id-token outside a publish job",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"excessive-permissions"})
public final class ExcessivePermissions implements WorkflowRule {

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // action metadata declares no permissions
    }
    Set<String> privileged = Triggers.privileged(workflow);
    Permissions top = workflow.permissions();
    List<Job> inheriting = workflow.jobs().stream().filter(j -> j.permissions() == null).toList();
    boolean topReported = false;
    if (top != null && top.kind() == Permissions.Kind.WRITE_ALL) {
      report(context, privileged, "permissions: write-all at workflow level grants every scope, id-token included, to "
          + jobs(inheriting) + "; declare only the scopes each job needs", top.pos(), "permissions", "write-all");
      topReported = true;
    } else if (top != null && inheriting.size() > 1 && writes(top).stream().anyMatch(w -> !w.equals("id-token"))) {
      List<String> writes = writes(top);
      report(context, privileged, "workflow-level permissions grant write to " + String.join(", ", writes) + " to every job "
          + "that sets none (" + jobs(inheriting) + "); keep the workflow level read-only and grant writes in the jobs "
          + "that use them", scopeLine(workflow.lines(), top, writes.get(0)), "permissions", "shared:" + writes);
      topReported = true;
    }
    List<Job> needlessInherited = new ArrayList<>();
    for (Job job : workflow.jobs()) {
      Permissions own = job.permissions();
      if (own != null && own.kind() == Permissions.Kind.WRITE_ALL) {
        report(context, privileged, "job " + job.id() + " sets permissions: write-all, every scope including id-token; "
            + "declare only the scopes it needs", own.pos(), job.path() + ".permissions", "write-all");
        continue;
      }
      Permissions effective = own != null ? own : top;
      if (effective == null || effective.kind() != Permissions.Kind.SCOPED || !"write".equals(effective.level("id-token"))
          || mayUseOidc(job, effective)) {
        continue;
      }
      if (own == null) {
        needlessInherited.add(job);
      } else {
        report(context, privileged, "job " + job.id() + " can mint OIDC tokens (id-token: write) but nothing in it "
            + "publishes, deploys or signs; remove id-token: write or move it to the job that exchanges the token",
            scopeLine(workflow.lines(), own, "id-token"), job.path() + ".permissions", "id-token:" + job.id());
      }
    }
    // inherited grants are reported once, at the workflow level, naming the jobs that hold them needlessly
    if (!needlessInherited.isEmpty() && !topReported) {
      report(context, privileged, "workflow-level id-token: write lets " + jobs(needlessInherited) + " mint OIDC tokens, "
          + "but nothing in " + (needlessInherited.size() == 1 ? "it" : "them") + " publishes, deploys or signs; "
          + "grant id-token: write only in the job that exchanges the token",
          scopeLine(workflow.lines(), top, "id-token"), "permissions", "id-token:inherited");
    }
  }

  private static void report(WorkflowContext context, Set<String> privileged, String message, Pos pos, String path, String evidence) {
    WorkflowContext.Report report = context.report(message).at(pos, path).evidence(evidence);
    if (!privileged.isEmpty()) {
      report.severity(Severity.HIGH, "privileged trigger " + String.join(", ", privileged)
          + ": these grants are exercised while handling outsider-controlled input");
    }
    report.emit();
  }

  private static boolean mayUseOidc(Job job, Permissions effective) {
    // a called workflow or a local action may exchange the token; its steps are not visible from here
    return job.callsReusableWorkflow() || job.steps().stream()
        .anyMatch(s -> s.uses() != null && s.uses().local())
        || OidcUse.seen(job, effective);
  }

  private static List<String> writes(Permissions p) {
    return p.scopes().entrySet().stream().filter(e -> "write".equals(e.getValue())).map(Map.Entry::getKey).sorted().toList();
  }

  private static String jobs(List<Job> jobs) {
    if (jobs.isEmpty()) {
      return "any job added later (every job sets its own today)";
    }
    return (jobs.size() == 1 ? "job " : "jobs ") + String.join(", ", jobs.stream().map(Job::id).toList());
  }

  /** The line of {@code scope:} inside a permissions block, or the block's position. */
  private static Pos scopeLine(List<String> lines, Permissions p, String scope) {
    Pattern key = Pattern.compile("(?<![\\w-])" + Pattern.quote(scope) + "\\s*:");
    for (int line = p.pos().line(); line <= Math.min(lines.size(), p.pos().line() + p.scopes().size() + 8); line++) {
      Matcher m = key.matcher(lines.get(line - 1));
      if (m.find()) {
        return new Pos(line, m.start() + 1);
      }
    }
    return p.pos();
  }
}
