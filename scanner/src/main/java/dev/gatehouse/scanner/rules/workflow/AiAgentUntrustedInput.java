package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Permissions;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.parse.Expressions;
import dev.gatehouse.scanner.rule.AiAgents;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Gates;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An AI agent reading text any GitHub user can write (an issue, a comment, a pull request) follows
 * instructions hidden in it: prompt injection. What the injected instructions can do is what the
 * agent can do, so its token, secrets and shell decide how bad it is.
 */
@RuleInfo(
    id = "ai-agent-untrusted-input",
    summary = "ai agent action runs on a trigger that carries outsider-written text",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"agentic-actions"})
public final class AiAgentUntrustedInput implements WorkflowRule {

  /** Events whose payload an outsider writes, run with the base repository's token and secrets. */
  private static final Set<String> OUTSIDER_TEXT = Set.of("issues", "issue_comment", "pull_request_review_comment",
      "pull_request_target", "discussion", "discussion_comment", "workflow_run");
  /** Outsider text too, but a fork's run gets a read-only token and no secrets. */
  private static final Set<String> FORK_READ_ONLY = Set.of("pull_request", "pull_request_review");
  private static final Pattern MODEL_KEY = Pattern.compile(
      "secrets\\.(.*_api_key|anthropic_.*|openai_.*|gemini_.*|google_api_key|claude_.*|copilot_.*|azure_openai_.*|github_token)");
  /** An author_association check in either order, including the fromJSON('[...]') list form. */
  private static final Pattern ASSOCIATION = Pattern.compile(
      "author_association\\s*==\\s*'(OWNER|MEMBER|COLLABORATOR)'|'(OWNER|MEMBER|COLLABORATOR)'\\s*==\\s*[\\w.]*author_association"
          + "|fromJSON\\(\\s*'\\[[^\\]]*(OWNER|MEMBER|COLLABORATOR)[^\\]]*\\]'\\s*\\)\\s*,\\s*[\\w.]*author_association");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      return; // an action's caller decides the trigger; the agent is judged where a workflow uses it
    }
    Set<String> high = new TreeSet<>(workflow.events());
    high.retainAll(OUTSIDER_TEXT);
    Set<String> readOnly = new TreeSet<>(workflow.events());
    readOnly.retainAll(FORK_READ_ONLY);
    if (high.isEmpty() && (readOnly.isEmpty() || context.repo().knownPrivate())) {
      return; // no outsider can write the text this workflow reads
    }
    for (Job job : workflow.jobs()) {
      for (Step step : job.steps()) {
        AiAgents.Agent agent = AiAgents.of(step, job);
        if (agent != null) {
          report(context, workflow, job, step, agent, high.isEmpty() ? readOnly : high, !high.isEmpty());
        }
      }
    }
  }

  private static void report(WorkflowContext context, Workflow workflow, Job job, Step step, AiAgents.Agent agent,
      Set<String> events, boolean privileged) {
    WorkflowContext.Report report = context.report(agent.name() + " (" + agent.id() + ") runs on " + String.join(", ", events)
            + ", whose text any GitHub user can write: instructions hidden in it steer the agent (prompt injection). "
            + "Run agents on outsider text only with a read-only token, no secrets beyond the model key and no shell, "
            + "or gate the job on the author's association" + openedToAll(step))
        .at(step, step.uses() != null ? step.uses().pos() : step.pos())
        .evidence(agent.id());
    Severity severity = Severity.HIGH;
    if (!privileged) {
      severity = Severity.MEDIUM;
      report.severity(severity, "a fork's " + String.join("/", events) + " run gets a read-only token and no secrets");
    } else {
      List<String> raised = new ArrayList<>();
      String token = token(workflow, job);
      if (token != null) {
        raised.add(token);
      }
      Set<String> secrets = extraSecrets(job, step, agent);
      if (!secrets.isEmpty()) {
        raised.add("it is given " + String.join(", ", secrets) + " beyond the model key");
      }
      String shell = agent.shell();
      if (shell != null) {
        raised.add("shell tools are allowed (" + shell + ")");
      }
      if (!raised.isEmpty()) {
        severity = Severity.CRITICAL;
        report.severity(severity, String.join("; ", raised));
      }
    }
    String gate = Gates.gate(job, context.repo());
    for (Scalar condition : new Scalar[] {job.condition(), step.condition()}) {
      // Gates reads only "author_association ... OWNER"; the list-first form is as common.
      if (gate == null && condition != null && ASSOCIATION.matcher(condition.value()).find()) {
        gate = "the " + (condition == job.condition() ? "job" : "step") + " is gated on the author's association (OWNER/MEMBER/COLLABORATOR)";
      }
    }
    if (gate != null) {
      report.severity(severity.lowered(), gate);
    }
    report.emit();
  }

  /** The agent's own check that the actor can write to the repository, switched off for everyone. */
  private static String openedToAll(Step step) {
    for (String input : new String[] {"allow-users", "allowed_non_write_users"}) {
      Scalar value = step.with(input);
      if (value != null && value.value().strip().equals("*")) {
        return ". Its check that the actor can write to the repository is off (" + input + ": '*')";
      }
    }
    return "";
  }

  /** Why the job's token can write, or null when it is read-only (job permissions win over the workflow's). */
  private static String token(Workflow workflow, Job job) {
    Permissions p = job.permissions() != null ? job.permissions() : workflow.permissions();
    if (p == null) {
      return "no permissions: block, so the job gets the repository's default token, which may write";
    }
    if (p.kind() == Permissions.Kind.WRITE_ALL) {
      return "the job's token is write-all";
    }
    if (p.kind() == Permissions.Kind.SCOPED && p.anyWrite()) {
      List<String> scopes = p.scopes().entrySet().stream().filter(e -> "write".equals(e.getValue()))
          .map(e -> e.getKey() + ": write").sorted().toList();
      return "the job's token has " + String.join(", ", scopes);
    }
    return null;
  }

  /** Secrets (and minted tokens) the agent step or its job's env hands over, other than the model key. */
  private static Set<String> extraSecrets(Job job, Step step, AiAgents.Agent agent) {
    Set<String> found = new TreeSet<>();
    List<Scalar> values = new ArrayList<>(step.with().values());
    values.addAll(step.env().values());
    values.addAll(job.env().values());
    for (Scalar value : values) {
      for (Expressions.Expression e : Expressions.find(value.value())) {
        for (String c : e.contexts()) {
          if (agent.id().equals("gh-aw") && c.startsWith("secrets.gh_aw_")) {
            continue; // gh-aw's own GH_AW_* tokens configure its GitHub MCP server, part of the runtime
          }
          if ((c.equals("secrets") || c.startsWith("secrets.")) && !MODEL_KEY.matcher(c).matches()) {
            found.add(c);
          } else if (c.matches("steps\\.[^.]+\\.outputs\\.[^.]*token[^.]*")) {
            found.add(c + " (a token minted in an earlier step)");
          }
        }
      }
    }
    return found;
  }
}
