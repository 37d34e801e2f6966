package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.parse.Expressions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows attacker-controlled data through what can be seen statically: {@code env:} at
 * workflow, job and step level, step outputs written to {@code $GITHUB_OUTPUT}, outputs of
 * actions known to echo attacker data, and job outputs read through {@code needs}.
 */
public final class Taint {

  private static final int MAX_DEPTH = 8;
  private static final Pattern OUTPUT_WRITE = Pattern.compile("([A-Za-z0-9_-]+)(?:=|<<)[^\\n]*?(?:GITHUB_OUTPUT)");
  /** Actions whose outputs repeat attacker-controlled names (changed file paths, PR branches). */
  private static final Map<String, Set<String>> TAINTED_ACTION_OUTPUTS = Map.of(
      "tj-actions/changed-files", Set.of("*"),
      "tj-actions/branch-names", Set.of("*"),
      "xt0rted/pull-request-comment-branch", Set.of("head_ref"),
      "gotson/pull-request-comment-branch", Set.of("head_ref"),
      // "changes" lists the workflow's own filter names; "<filter>_files" lists changed paths (with list-files)
      "dorny/paths-filter", Set.of("*_files"));

  private final AuditedFile file;

  Taint(AuditedFile file) {
    this.file = file;
  }

  /**
   * Where the value of {@code contextPath}, read in {@code step} (or at job level when step is
   * null) of {@code job} (null for composite actions), comes from an outsider: a description
   * such as {@code github.event.issue.title via env.TITLE}, or null when it does not.
   */
  public String source(String contextPath, Job job, Step step) {
    return source(contextPath, job, step, 0);
  }

  /** Sources of every attacker-controlled context an expression body reads. */
  public List<String> sources(String expressionBody, Job job, Step step) {
    return Expressions.contexts(expressionBody).stream()
        .map(c -> source(c, job, step, 0)).filter(s -> s != null).distinct().toList();
  }

  private String source(String path, Job job, Step step, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (AttackerContexts.controlled(path)) {
      return path;
    }
    String[] parts = path.split("\\.");
    if (parts.length == 2 && parts[0].equals("env")) {
      Scalar value = envValue(parts[1], job, step);
      return value == null ? null : via(expressionSource(value.value(), job, step, depth + 1), path);
    }
    if (parts.length == 4 && parts[0].equals("steps") && parts[2].equals("outputs")) {
      return via(stepOutputSource(parts[1], parts[3], job, depth + 1), path);
    }
    if (parts.length == 4 && parts[0].equals("needs") && parts[2].equals("outputs") && file instanceof Workflow w) {
      Job producer = w.jobs().stream().filter(j -> j.id().equalsIgnoreCase(parts[1])).findFirst().orElse(null);
      if (producer != null) {
        Scalar value = producer.outputs().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(parts[3])).map(Map.Entry::getValue).findFirst().orElse(null);
        return value == null ? null : via(expressionSource(value.value(), producer, null, depth + 1), path);
      }
    }
    return null;
  }

  private static String via(String source, String through) {
    return source == null ? null : (source.contains(" via ") ? source + ", " + through : source + " via " + through);
  }

  private String expressionSource(String text, Job job, Step step, int depth) {
    for (Expressions.Expression e : Expressions.find(text)) {
      for (String context : e.contexts()) {
        String s = source(context, job, step, depth);
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  /** Nearest definition wins: step env, then job env, then workflow env (names are case-insensitive). */
  Scalar envValue(String name, Job job, Step step) {
    if (step != null) {
      Scalar s = lookup(step.env(), name);
      if (s != null) {
        return s;
      }
    }
    if (job != null) {
      Scalar s = lookup(job.env(), name);
      if (s != null) {
        return s;
      }
    }
    return file instanceof Workflow w ? lookup(w.env(), name) : null;
  }

  private static Scalar lookup(Map<String, Scalar> env, String name) {
    for (Map.Entry<String, Scalar> e : env.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private String stepOutputSource(String stepId, String output, Job job, int depth) {
    List<Step> steps = job != null ? job.steps() : file.allSteps();
    for (Step producer : steps) {
      if (producer.id() == null || !producer.id().equalsIgnoreCase(stepId)) {
        continue;
      }
      if (producer.uses() != null && producer.uses().remote()) {
        Set<String> outputs = TAINTED_ACTION_OUTPUTS.get(producer.uses().slug());
        if (outputs != null && (outputs.contains("*") || outputs.contains(output)
            || outputs.stream().anyMatch(o -> o.startsWith("*") && output.endsWith(o.substring(1))))
            && !escapedFileList(producer)) {
          return producer.uses().slug() + " output " + output;
        }
      }
      if (producer.run() != null && producer.run().value().contains("GITHUB_OUTPUT")) {
        return writtenOutputSource(producer, output, job, depth);
      }
    }
    return null;
  }

  /**
   * dorny/paths-filter quotes or escapes file names for the shell ({@code list-files: shell} or
   * {@code escape}) and JSON-encodes them ({@code json}); only {@code csv} passes them raw.
   */
  private static boolean escapedFileList(Step producer) {
    if (!"dorny/paths-filter".equals(producer.uses().slug())) {
      return false;
    }
    Scalar mode = producer.with("list-files");
    return mode == null || !mode.value().strip().equalsIgnoreCase("csv");
  }

  /** A run script writing {@code output} to $GITHUB_OUTPUT from an expression or variable we can trace. */
  private String writtenOutputSource(Step producer, String output, Job job, int depth) {
    for (String line : producer.run().value().split("\n")) {
      if (!line.contains("GITHUB_OUTPUT")) {
        continue;
      }
      Matcher m = OUTPUT_WRITE.matcher(line);
      if (!m.find() || !m.group(1).equalsIgnoreCase(output)) {
        continue;
      }
      String s = expressionSource(line, job, producer, depth);
      if (s != null) {
        return s;
      }
      Matcher var = ShellVariables.REFERENCE.matcher(line);
      while (var.find()) {
        Scalar value = envValue(var.group(1) != null ? var.group(1) : var.group(2), job, producer);
        if (value != null) {
          String v = expressionSource(value.value(), job, producer, depth);
          if (v != null) {
            return v;
          }
        }
      }
    }
    return null;
  }
}
