package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Checkouts;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.SourcePositions;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/**
 * A pull request's CI run uploads whatever artifacts its author wants. A privileged
 * {@code workflow_run} job that unpacks them into its workspace lets those files replace the
 * scripts and configuration that later steps run with the base repository's token and secrets.
 */
@RuleInfo(
    id = "artifact-poisoning",
    summary = "workflow_run job unpacks the triggering run's artifacts into its workspace",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW)
public final class ArtifactPoisoning implements WorkflowRule {

  /** Where a download puts files: {@code dir} relative to the workspace ("" is its root), or null outside it. */
  private record Landing(Step step, Pos pos, String dir, boolean extracted) {}

  private static final Pattern GH_RUN_DOWNLOAD = Pattern.compile("\\bgh\\s+run\\s+download\\b[^\\n]*");
  private static final Pattern EXTRACT = Pattern.compile("\\b(?:unzip|tar\\s+-?[a-zA-Z]*x[a-zA-Z]*|7z\\s+x)\\b[^\\n]*");
  private static final Pattern TARGET_DIR = Pattern.compile("(?:\\s-[dDC]\\s*|--dir(?:ectory)?[=\\s])[\"']?([^\\s\"']+)");
  private static final Pattern OUTSIDE = Pattern.compile(
      "^[\"']?(?:\\$\\{\\{\\s*(?:runner\\.temp|env\\.RUNNER_TEMP)\\s*}}|\\$\\{?RUNNER_TEMP\\b|/tmp\\b|~|\\$\\{?HOME\\b)");
  /** Commands that run code or read build configuration from the current directory. */
  private static final Pattern PROJECT_CODE = Pattern.compile("(?:^|[\\s;&|(])(?:\\./[\\w.-]|(?:bash|sh|zsh|source|python3?"
      + "|node|ruby|perl|pwsh|deno)\\s+[\\w./-]|npm\\s|npx\\s|yarn\\b|pnpm\\s|bun\\s|pip3?\\s+install|uv\\s+(?:run|sync|pip)"
      + "|poetry\\s|make\\b|cmake\\b|cargo\\s|go\\s+(?:run|build|test|generate)|mvn\\b|gradle\\b|gradlew\\b|bundle\\s|rake\\b"
      + "|tox\\b|nox\\b|pre-commit\\b|docker\\s+(?:build|compose)|composer\\s|dotnet\\s)");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null || !workflow.events().contains("workflow_run")) {
      return; // only workflow_run hands a privileged job the artifacts of a run a fork started
    }
    for (Job job : workflow.jobs()) {
      // A fork's run cannot start a job whose condition requires the head to be this repository.
      if (UntrustedCheckoutJobs.excludesForks(job)) {
        continue;
      }
      for (Step step : job.steps()) {
        Landing landing = download(context, step);
        if (landing != null && landing.dir() != null) {
          report(context, job, landing, landing.extracted() ? landing : extraction(context, job, landing));
        }
      }
    }
  }

  private static Landing download(WorkflowContext context, Step step) {
    if (step.run() != null) {
      Matcher m = GH_RUN_DOWNLOAD.matcher(step.run().value());
      return m.find() ? new Landing(step, at(context, step.run(), m), dir(target(m.group()), step), true) : null;
    }
    if (step.uses() == null) {
      return null;
    }
    Scalar path = step.with("path");
    Landing landing = new Landing(step, path != null ? path.pos() : step.uses().pos(), dir(path == null ? null : path.value(), step), true);
    if (step.uses().is("actions/download-artifact")) {
      // Without run-id the action reads this run's own artifacts, which this workflow wrote.
      return step.with("run-id") != null && step.with("run-id").value().contains("workflow_run") ? landing : null;
    }
    if (step.uses().is("dawidd6/action-download-artifact")) {
      boolean triggering = step.with().values().stream().anyMatch(v -> v.value().contains("github.event.workflow_run"));
      boolean latestOfAnyEvent = Stream.of("run_id", "commit", "event", "branch").allMatch(k -> step.with(k) == null);
      // Artifacts of runs picked by branch or event (e.g. the base branch's push runs) are not the fork's.
      return triggering || latestOfAnyEvent ? landing : null;
    }
    Scalar script = step.with("script");
    if (step.uses().is("actions/github-script") && script != null && script.value().contains("downloadArtifact")) {
      boolean temp = script.value().contains("RUNNER_TEMP") || script.value().contains("runner.temp");
      return new Landing(step, step.uses().pos(), temp ? null : "", false);
    }
    return null;
  }

  /** The later step that unpacks a downloaded archive into the workspace, or null. */
  private static Landing extraction(WorkflowContext context, Job job, Landing archive) {
    for (Step step : job.steps()) {
      if (step.index() > archive.step().index() && step.run() != null) {
        Matcher m = EXTRACT.matcher(step.run().value());
        if (m.find()) {
          String dir = dir(target(m.group()), step);
          return dir == null ? null : new Landing(step, at(context, step.run(), m), dir, true);
        }
      }
    }
    return null;
  }

  private static void report(WorkflowContext context, Job job, Landing download, Landing unpacked) {
    if (unpacked == null) {
      return; // the archive is never unpacked into the workspace
    }
    Step runs = runsFrom(job, unpacked);
    String where = unpacked.dir().isEmpty() ? "the workspace root" : "'" + unpacked.dir() + "' in the workspace";
    WorkflowContext.Report report = context.report("Step '" + download.step().label() + "' takes artifacts of the"
            + " triggering run, which a fork's pull request controls, and " + (unpacked == download ? "" : "step '"
            + unpacked.step().label() + "' ") + "unpacks them into " + where
            + (runs == null ? "" : "; step '" + runs.label() + "' then runs code from there")
            + ". Download to ${{ runner.temp }}, treat every file as untrusted data, and never run or source it")
        .at(download.step(), download.pos())
        .evidence(download.step().label());
    if (runs != null) {
      report.related(runs.pos(), runs.path());
    } else {
      report.severity(Severity.LOW, "no later step is seen running code from there; the files are only read as data")
          .confidence(Confidence.MEDIUM);
    }
    String gate = UntrustedCheckoutJobs.gate(job, context.repo());
    if (gate != null) {
      report.severity(runs == null ? Severity.INFO : Severity.MEDIUM, gate);
    }
    report.emit();
  }

  /** The first later step that runs code which the unpacked files can replace or which lives among them. */
  private static Step runsFrom(Job job, Landing unpacked) {
    String dir = unpacked.dir();
    Pattern inDir = Pattern.compile("(?:\\./|\\b(?:bash|sh|zsh|source|python3?|node|ruby|perl|pwsh|chmod\\s+\\+x|cd)\\s+"
        + "(?:-\\S+\\s+)*(?:\\./)?)[\"']?" + Pattern.quote(dir));
    for (Step step : job.steps()) {
      if (step.index() <= unpacked.step().index()) {
        continue;
      }
      if (step.uses() != null && step.uses().local() && step.uses().path().replaceFirst("^\\./", "").startsWith(dir)) {
        return step;
      }
      if (dir.isEmpty() || (step.workingDirectory() != null && step.workingDirectory().replaceFirst("^\\./", "").startsWith(dir))) {
        boolean code = step.run() != null ? PROJECT_CODE.matcher(step.run().value()).find() : Checkouts.executes(step);
        if (code) {
          return step;
        }
      } else if (step.run() != null && inDir.matcher(step.run().value()).find()) {
        return step;
      }
    }
    return null;
  }

  private static String target(String command) {
    Matcher m = TARGET_DIR.matcher(command);
    return m.find() ? m.group(1) : null;
  }

  /** Workspace-relative directory of {@code path} ("" for the root), or null when it is outside the workspace. */
  private static String dir(String path, Step step) {
    String p = path == null || path.isBlank() ? (step.workingDirectory() == null ? "" : step.workingDirectory()) : path.strip();
    if (OUTSIDE.matcher(p).find()) {
      return null;
    }
    return p.replaceFirst("^(?:\\$\\{\\{\\s*github\\.workspace\\s*}}|\\$\\{?GITHUB_WORKSPACE}?)", "")
        .replaceFirst("^[./]+", "").replaceFirst("/+$", "");
  }

  private static Pos at(WorkflowContext context, Scalar run, Matcher m) {
    return SourcePositions.of(context.file().lines(), run, m.start(), m.group().strip());
  }
}
