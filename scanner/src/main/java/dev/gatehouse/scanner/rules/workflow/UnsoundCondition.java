package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.parse.Expressions;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.SourcePositions;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditions that do not test what they appear to. An {@code if:} holding {@code ${{ }}} plus any
 * other text (a block scalar's trailing newline, a second fence) becomes a non-empty string, which
 * is always true; {@code contains('a b', x)} is a substring test that lets through any fragment.
 */
@RuleInfo(
    id = "unsound-condition",
    summary = "if: that is always true, or a contains() substring check used as a list gate",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"unsound-condition", "unsound-contains"})
public final class UnsoundCondition implements WorkflowRule {

  /** {@code contains(} followed by a string literal as its first argument. */
  private static final Pattern LITERAL_CONTAINS = Pattern.compile("(?i)\\bcontains\\s*\\(\\s*'((?:[^']|'')*)'\\s*,");
  /** Contexts whose values come from a fixed set: a substring match is a bug but not a bypass. */
  private static final Pattern FIXED_SET = Pattern.compile(
      "github\\.(event_name|event\\.action|job|workflow|repository|repository_owner|run_attempt)|runner\\..*|matrix\\..*|strategy\\..*");

  @Override
  public void check(WorkflowContext context) {
    if (context.workflow() != null) {
      for (Job job : context.workflow().jobs()) {
        inspect(context, job.condition(), "job '" + job.id() + "'", job.path() + ".if", null);
        job.steps().forEach(step -> inspect(context, step.condition(), "step '" + step.label() + "'", null, step));
      }
    } else {
      context.action().steps().forEach(step -> inspect(context, step.condition(), "step '" + step.label() + "'", null, step));
    }
  }

  private static void inspect(WorkflowContext context, Scalar condition, String what, String path, Step step) {
    if (condition == null) {
      return;
    }
    String text = condition.value();
    List<Expressions.Expression> fences = Expressions.find(text);
    if (!fences.isEmpty() && (fences.size() > 1 || fences.get(0).start() > 0 || fences.get(0).end() < text.length())) {
      String why = condition.block() && fences.size() == 1 && text.strip().equals(text.substring(fences.get(0).start(), fences.get(0).end()))
          ? "is a block scalar, so the ${{ }} result keeps a trailing newline"
          : "has text outside its ${{ }}";
      String fix = condition.block() ? "use '|-' or '>-', or drop the ${{ }} fence" : "write the whole condition inside one ${{ }}, or none";
      report(context, "The if: of " + what + " " + why + ": GitHub then evaluates a non-empty string, which is always true, "
              + "so the " + (path != null ? "job" : "step") + " always runs. To make the condition count, " + fix,
          condition, condition.pos(), path, step, "always-true").emit();
    }
    Matcher m = LITERAL_CONTAINS.matcher(text);
    while (m.find()) {
      String literal = m.group(1);
      String second = secondArgument(text, m.end());
      List<String> contexts = Expressions.contexts(second);
      if (contexts.isEmpty()) {
        continue; // two literals: a constant, not a gate
      }
      boolean fixed = contexts.stream().allMatch(c -> FIXED_SET.matcher(c).matches());
      WorkflowContext.Report report = report(context, "contains('" + literal + "', " + second.strip() + ") in the if: of " + what
              + " matches any substring of '" + literal + "', not only its words" + (fixed ? "" : ", so a value such as a short "
              + "user or branch name passes") + ". Test list membership with contains(fromJSON('[\"a\", \"b\"]'), "
              + second.strip() + ") or compare with ==",
          condition, SourcePositions.of(context.file().lines(), condition, m.start(), m.group()), path, step,
          "contains:" + literal + ":" + second.replaceAll("\\s+", ""));
      if (fixed) {
        report.severity(Severity.LOW, second.strip() + " comes from a fixed set of values, so the gate is wrong but not bypassable");
      }
      report.emit();
    }
  }

  private static WorkflowContext.Report report(WorkflowContext context, String message, Scalar condition,
      dev.gatehouse.scanner.model.Pos pos, String path, Step step, String evidence) {
    WorkflowContext.Report report = context.report(message).evidence(evidence);
    return step != null ? report.at(step, pos) : report.at(pos, path);
  }

  /** The text of the argument that starts at {@code from}, up to the call's closing parenthesis. */
  private static String secondArgument(String text, int from) {
    int depth = 0;
    boolean quoted = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && depth-- == 0) {
        return text.substring(from, i);
      }
    }
    return text.substring(from);
  }
}
