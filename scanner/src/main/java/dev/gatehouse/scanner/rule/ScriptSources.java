package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.parse.Expressions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the data on a line of a {@code run:} script comes from, as far as an outsider controls
 * it: {@code ${{ }}} expressions and {@code env:} values (through {@link Taint}), shell variables
 * the script assigns from those, {@code jq} reads of outsider-written fields from
 * {@code $GITHUB_EVENT_PATH}, and, when the caller says artifacts of a fork's run were
 * downloaded, files read with {@code $(cat ...)}. Line-based: a sanitising pipeline is not seen.
 */
public final class ScriptSources {

  public static final String ARTIFACT = "a file of the triggering run's artifacts";

  private static final Pattern ASSIGNMENT = Pattern.compile(
      "^\\s*(?:export\\s+|local\\s+|declare\\s+(?:-\\w+\\s+)?)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
  private static final Pattern PWSH_ENV = Pattern.compile("\\$env:([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
  private static final String EVENT_FIELD = "(\\.[\\w.]*(?:title|body|message|head_ref|display_title|head_branch|head\\.ref|head\\.label))\\b";
  private static final Pattern EVENT_READ = Pattern.compile(EVENT_FIELD + ".*GITHUB_EVENT_PATH|GITHUB_EVENT_PATH.*?" + EVENT_FIELD);
  private static final Pattern FILE_READ = Pattern.compile(
      "\\$\\(\\s*(?:(?:cat|head|tail|jq)\\b|<)(?:(?!GITHUB_EVENT_PATH)[^)])*\\)");

  private final Taint taint;
  private final Job job;
  private final Step step;
  private final boolean artifacts;
  /** Variables the script assigns, to the source of their value, or "" when it is not traced. */
  private final Map<String, String> assigned = new HashMap<>();

  public ScriptSources(Taint taint, Job job, Step step, boolean artifacts) {
    this.taint = taint;
    this.job = job;
    this.step = step;
    this.artifacts = artifacts;
    for (String line : step.run().value().split("\n")) {
      Matcher a = ASSIGNMENT.matcher(line);
      if (a.matches()) {
        String source = assignedFrom(a.group(2));
        assigned.put(a.group(1), source == null ? "" : source + (source.contains(" via ") ? ", $" : " via $") + a.group(1));
      }
    }
  }

  /**
   * Outsider sources on {@code line}, each mapped to whether it is traced directly (an expression
   * or an {@code env:} value) rather than through outputs, script variables or files. Shell
   * variables count only where the shell {@code expands} them.
   */
  public Map<String, Boolean> of(String line, boolean expands) {
    Map<String, Boolean> found = new LinkedHashMap<>();
    for (Expressions.Expression e : Expressions.find(line)) {
      taint.sources(e.body(), job, step).forEach(s -> found.putIfAbsent(s, !s.contains(" via steps.") && !s.contains(" via needs.")));
    }
    if (!expands) {
      return found;
    }
    for (String name : variables(line)) {
      String s = assigned.containsKey(name) ? assigned.get(name) : taint.source("env." + name, job, step);
      if (s != null && !s.isEmpty()) {
        found.putIfAbsent(s, !assigned.containsKey(name) && !s.contains(", ") && !s.contains("steps.") && !s.contains("needs."));
      }
    }
    if (artifacts && FILE_READ.matcher(line).find()) {
      found.putIfAbsent(ARTIFACT, false);
    }
    return found;
  }

  private String assignedFrom(String value) {
    for (Expressions.Expression e : Expressions.find(value)) {
      List<String> sources = taint.sources(e.body(), job, step);
      if (!sources.isEmpty()) {
        return sources.get(0);
      }
    }
    Matcher event = EVENT_READ.matcher(value);
    if (event.find()) {
      return "github.event" + (event.group(1) != null ? event.group(1) : event.group(2)) + " via $GITHUB_EVENT_PATH";
    }
    if (artifacts && FILE_READ.matcher(value).find()) {
      return ARTIFACT;
    }
    for (String name : variables(value)) {
      String s = assigned.containsKey(name) ? assigned.get(name) : taint.source("env." + name, job, step);
      if (s != null && !s.isEmpty()) {
        return s;
      }
    }
    return null;
  }

  /** Names of the shell variables {@code text} reads: {@code $NAME}, {@code ${NAME}}, PowerShell {@code $env:NAME}. */
  private static List<String> variables(String text) {
    List<String> names = new ArrayList<>();
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
}
