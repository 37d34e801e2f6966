package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.SourcePositions;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.Triggers;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code github.actor} names whoever caused the latest event, not who wrote the code: an outsider
 * can make it a bot (let Dependabot push to their fork's PR branch, or trigger the bot with a
 * comment), so a gate that trusts a bot actor under a privileged trigger opens for them.
 */
@RuleInfo(
    id = "spoofable-bot-check",
    summary = "privileged job gated on github.actor being a bot, which outsiders can arrange",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"bot-conditions"})
public final class SpoofableBotCheck implements WorkflowRule {

  // github.event.pull_request.user.login is not here on purpose: it is the PR's author, which an
  // outsider cannot make a bot, and it is the fix GitHub documents for Dependabot workflows.
  private static final String ACTOR = "(github\\s*\\.\\s*(?:actor|triggering_actor|event\\s*\\.\\s*sender\\s*\\.\\s*login))\\b";
  private static final String ACTOR_ID = "(github\\s*\\.\\s*(?:actor_id|event\\s*\\.\\s*sender\\s*\\.\\s*id))\\b";
  /** Dependabot's user and app ids, dependabot-preview, renovate: ids mean the same as the names. */
  private static final String BOT_ID = "'?(49699333|29110|27856297|29139614)'?";
  private static final Pattern CHECK = Pattern.compile(
      ACTOR + "\\s*==\\s*'([^']*\\[bot\\])'|'([^']*\\[bot\\])'\\s*==\\s*" + ACTOR
          + "|" + ACTOR_ID + "\\s*==\\s*" + BOT_ID + "|" + BOT_ID + "\\s*==\\s*" + ACTOR_ID
          + "|(?:endsWith|contains)\\(\\s*" + ACTOR + "\\s*,\\s*'\\[bot\\]'\\s*\\)",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern AUTHOR_IS_BOT = Pattern.compile(
      "pull_request\\s*\\.\\s*user\\s*\\.\\s*login\\s*==\\s*'[^']*\\[bot\\]'|'[^']*\\[bot\\]'\\s*==\\s*github\\.event\\.pull_request\\.user\\.login",
      Pattern.CASE_INSENSITIVE);

  @Override
  public void check(WorkflowContext context) {
    if (context.workflow() == null) {
      return; // an action's caller decides the trigger; the gate is judged in the workflow
    }
    Set<String> privileged = Triggers.privileged(context.workflow());
    if (privileged.isEmpty()) {
      return; // without a privileged trigger, passing the gate grants no secrets or write token
    }
    String events = String.join(", ", privileged);
    for (Job job : context.workflow().jobs()) {
      if (job.condition() != null) {
        inspect(context, job.condition(), "job '" + job.id() + "'", events, job, null);
      }
      for (Step step : job.steps()) {
        if (step.condition() != null) {
          inspect(context, step.condition(), "step '" + step.label() + "'", events, job, step);
        }
      }
    }
  }

  private static void inspect(WorkflowContext context, Scalar condition, String what, String events, Job job, Step step) {
    // Blank out the ${{ }} fences so offsets stay those of the scalar.
    String text = condition.value().replace("${{", "   ").replace("}}", "  ");
    Matcher m = CHECK.matcher(text);
    if (!m.find()) {
      return;
    }
    int before = m.start() - 1;
    while (before >= 0 && (Character.isWhitespace(text.charAt(before)) || text.charAt(before) == '(')) {
      before--;
    }
    if (before >= 0 && text.charAt(before) == '!') {
      return; // a negated comparison excludes the bot instead of admitting it
    }
    String disjunct = disjunctAround(text, m.start(), m.end());
    if (disjunct.contains("&&") && AUTHOR_IS_BOT.matcher(disjunct).find()) {
      return; // the same branch also requires the PR's author to be the bot, which cannot be arranged
    }
    String check = m.group().replaceAll("\\s+", " ");
    WorkflowContext.Report report = context.report("'" + check + "' gates " + what + " under " + events
            + ": github.actor is whoever caused the latest event, and an outsider can make that a bot (for example by having "
            + "Dependabot update their fork's branch). Check who opened the pull request instead "
            + "(github.event.pull_request.user.login == 'dependabot[bot]')")
        .evidence(check.replace(" ", ""));
    var pos = SourcePositions.of(context.file().lines(), condition, m.start(), condition.value().substring(m.start(), m.end()));
    if (step != null) {
      report.at(step, pos);
    } else {
      report.at(pos, job.path() + ".if");
    }
    if (disjunct.contains("&&")) {
      report.confidence(Confidence.MEDIUM); // other conditions must hold too, and may already exclude outsiders
    }
    report.emit();
  }

  /** The part of {@code text} between the top-level {@code ||} operators around [start, end). */
  private static String disjunctAround(String text, int start, int end) {
    int depth = 0;
    int from = 0;
    int to = text.length();
    char quote = 0;
    for (int i = 0; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quote = quote == 0 ? c : 0;
      } else if (quote == 0 && c == '(') {
        depth++;
      } else if (quote == 0 && c == ')') {
        depth--;
      } else if (quote == 0 && depth == 0 && c == '|' && text.charAt(i + 1) == '|') {
        if (i < start) {
          from = i + 2;
        } else if (i >= end && to == text.length()) {
          to = i;
        }
      }
    }
    return text.substring(from, to);
  }
}
