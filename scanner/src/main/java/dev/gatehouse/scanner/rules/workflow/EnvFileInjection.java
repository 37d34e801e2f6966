package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.parse.Expressions;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.EnvFileWrites;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.ShellVariables;
import dev.gatehouse.scanner.rule.SourcePositions;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.Taint;
import dev.gatehouse.scanner.rule.Triggers;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attacker data written to an environment file. A newline in it defines any variable for every
 * later step ({@code BASH_ENV}, {@code NODE_OPTIONS}, {@code LD_PRELOAD}: code execution), a
 * {@code $GITHUB_PATH} entry puts an attacker-named directory first on {@code PATH}, and in
 * {@code $GITHUB_OUTPUT} it forges the step's other outputs.
 */
@RuleInfo(
    id = "env-file-injection",
    summary = "attacker-controlled data written to the runner's env, path or output file",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"github-env"})
public final class EnvFileInjection implements WorkflowRule {

  private static final Pattern ASSIGNMENT = Pattern.compile(
      "^\\s*(?:export\\s+|local\\s+|declare\\s+(?:-\\w+\\s+)?)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
  private static final Pattern PWSH_ENV = Pattern.compile("\\$env:([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
  /** A jq/yq read of an outsider-written field from the event payload file. */
  private static final Pattern EVENT_READ = Pattern.compile(
      "(\\.[\\w.]*(?:title|body|message|head_ref|display_title|head_branch|head\\.ref|head\\.label))\\b.*GITHUB_EVENT_PATH"
          + "|GITHUB_EVENT_PATH.*?(\\.[\\w.]*(?:title|body|message|head_ref|display_title|head_branch|head\\.ref|head\\.label))\\b");
  /** Git refs, labels, repository names and logins cannot contain a newline. */
  private static final Pattern SINGLE_LINE = Pattern.compile(
      "^\\S*(head_ref|head\\.ref|head\\.label|head_branch|\\.ref|repo\\.name|repo\\.full_name|repository\\.name"
          + "|repository\\.full_name|login)(\\s|$)");
  private static final Pattern RANDOM = Pattern.compile("openssl rand|uuidgen|\\$RANDOM|/dev/u?random|kernel/random/uuid");
  private static final Pattern DYNAMIC_DELIMITER = Pattern.compile("<<\\s*\"?\\$");

  @Override
  public void check(WorkflowContext context) {
    if (context.workflow() == null) {
      context.action().steps().forEach(step -> inspect(context, null, step, true));
      return;
    }
    if (!Triggers.anyPrivileged(context.workflow())) {
      return; // without a privileged trigger the job holds no secrets and a read-only token
    }
    for (Job job : context.workflow().jobs()) {
      job.steps().forEach(step -> inspect(context, job, step, false));
    }
  }

  private static void inspect(WorkflowContext context, Job job, Step step, boolean inAction) {
    if (step.run() == null) {
      return;
    }
    String script = step.run().value();
    Taint taint = context.analysis().taint();
    Map<String, String> local = localTaint(script, job, step, taint);
    // A random heredoc delimiter cannot be guessed, so a newline in the value cannot end it.
    boolean randomDelimiter = DYNAMIC_DELIMITER.matcher(script).find() && RANDOM.matcher(script).find();
    for (EnvFileWrites.Written w : EnvFileWrites.in(script)) {
      Map<String, Boolean> sources = sources(w, job, step, taint, local);
      boolean path = w.file().equals("GITHUB_PATH");
      if (!path) {
        // Only a newline makes data in ENV/OUTPUT dangerous; refs and names cannot hold one.
        sources.keySet().removeIf(s -> SINGLE_LINE.matcher(s).find());
      }
      if (sources.isEmpty() || (randomDelimiter && !path)) {
        continue;
      }
      String effect = switch (w.file()) {
        case "GITHUB_PATH" -> "puts an attacker-named directory first on PATH for the later steps";
        case "GITHUB_OUTPUT" -> "a newline in it forges this step's other outputs";
        default -> "a newline in it defines any environment variable (BASH_ENV, NODE_OPTIONS, LD_PRELOAD) for the later steps";
      };
      String needle = w.text().strip();
      WorkflowContext.Report report = context.report("Writes " + String.join(", ", sources.keySet()) + " to $" + w.file()
              + ": " + effect + ". Keep outsider data out of environment files; pass it to the steps that need it through env:"
              + (path ? "" : ", or write it with a random heredoc delimiter"))
          .at(step, SourcePositions.of(context.file().lines(), step.run(), w.offset(), needle))
          .evidence(w.file() + ":" + needle.replaceAll("\\s+", ""));
      if (inAction) {
        report.severity(Severity.MEDIUM, "in an action, the calling trigger is not known");
      }
      if (!sources.containsValue(Boolean.TRUE)) {
        report.confidence(Confidence.MEDIUM);
      }
      report.emit();
    }
  }

  /** Attacker-controlled sources in a written line, each mapped to whether it is traced directly (env: or expression). */
  private static Map<String, Boolean> sources(EnvFileWrites.Written w, Job job, Step step, Taint taint, Map<String, String> local) {
    Map<String, Boolean> found = new LinkedHashMap<>();
    for (Expressions.Expression e : Expressions.find(w.text())) {
      taint.sources(e.body(), job, step).forEach(s -> found.putIfAbsent(s, !s.contains(" via steps.") && !s.contains(" via needs.")));
    }
    if (!w.expands()) {
      return found;
    }
    for (String name : variables(w.text())) {
      if (local.containsKey(name)) {
        if (!local.get(name).isEmpty()) { // empty: assigned a value we do not trace in the script
          found.putIfAbsent(local.get(name), false);
        }
      } else {
        String s = taint.source("env." + name, job, step);
        if (s != null) {
          found.putIfAbsent(s, !s.contains(", ") && !s.contains("steps.") && !s.contains("needs."));
        }
      }
    }
    return found;
  }

  private static Iterable<String> variables(String text) {
    java.util.List<String> names = new java.util.ArrayList<>();
    Matcher m = ShellVariables.REFERENCE.matcher(text);
    while (m.find()) {
      names.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    Matcher p = PWSH_ENV.matcher(text);
    while (p.find()) {
      names.add(p.group(1));
    }
    return names;
  }

  /**
   * Shell variables the script assigns, to the attacker source of their value (expressions, tainted
   * env, the event payload file), or to "" when the value is not traced.
   */
  private static Map<String, String> localTaint(String script, Job job, Step step, Taint taint) {
    Map<String, String> local = new HashMap<>();
    for (String line : script.split("\n")) {
      Matcher a = ASSIGNMENT.matcher(line);
      if (!a.matches()) {
        continue;
      }
      String name = a.group(1);
      String rhs = a.group(2);
      String source = null;
      for (Expressions.Expression e : Expressions.find(rhs)) {
        source = taint.sources(e.body(), job, step).stream().findFirst().orElse(source);
      }
      Matcher event = EVENT_READ.matcher(rhs);
      if (source == null && event.find()) {
        source = "github.event" + (event.group(1) != null ? event.group(1) : event.group(2)) + " via $GITHUB_EVENT_PATH";
      }
      for (String var : variables(rhs)) {
        if (source == null || source.isEmpty()) {
          source = local.containsKey(var) ? local.get(var) : taint.source("env." + var, job, step);
        }
      }
      local.put(name, source == null || source.isEmpty() ? "" : source + (source.contains(" via ") ? ", $" : " via $") + name);
    }
    return local;
  }
}
