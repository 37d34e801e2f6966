package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.PinKind;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs;
import dev.gatehouse.scanner.rule.UntrustedCheckoutJobs.Exposure;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * actions/checkout leaves the job's token in the git configuration for every later step. Most
 * jobs never push, so the token only widens what a compromised tool or an uploaded workspace
 * (the "ArtiPACKED" leak) can take.
 */
@RuleInfo(
    id = "credential-persistence",
    summary = "actions/checkout leaves the job token in the git config for later steps",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"artipacked"})
public final class CredentialPersistence implements WorkflowRule {

  private static final Pattern WORKSPACE = Pattern.compile(
      "^(?:\\.|\\./|\\.\\.|\\.\\./|\\$\\{\\{\\s*github\\.workspace\\s*}}/?|\\$\\{?GITHUB_WORKSPACE}?/?)$");
  private static final Pattern VERSION = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?");

  @Override
  public void check(WorkflowContext context) {
    Workflow workflow = context.workflow();
    if (workflow == null) {
      inspect(context, null, context.action().steps(), List.of());
      return;
    }
    for (Job job : workflow.jobs()) {
      inspect(context, job, job.steps(), UntrustedCheckoutJobs.exposures(context, job));
    }
  }

  private static void inspect(WorkflowContext context, Job job, List<Step> steps, List<Exposure> exposures) {
    for (Step step : steps) {
      if (step.uses() == null || !step.uses().is("actions/checkout")) {
        continue;
      }
      Scalar persist = step.with("persist-credentials");
      String value = persist == null ? "" : persist.value().strip().toLowerCase(Locale.ROOT);
      if (value.equals("false") || value.matches("\\$\\{\\{\\s*false\\s*}}")) {
        continue;
      }
      String raise = null;
      Step related = null;
      Step upload = workspaceUploadAfter(steps, step);
      Exposure run = exposures.stream()
          .filter(e -> e.execution() != null && e.execution().index() >= step.index()).findFirst().orElse(null);
      if (run != null) {
        raise = "pull request code runs in this job (" + run.checkout().reason() + ") and can read the token";
        related = run.execution();
      } else if (upload != null && major(step.uses()) < 6) {
        raise = "step '" + upload.label() + "' uploads the workspace, .git/config and the token with it, as an artifact";
        related = upload;
      }
      // An explicit true is a deliberate choice (a later step pushes); it is reported only when it leaks.
      if (value.equals("true") && raise == null) {
        continue;
      }
      Scalar token = step.with("token");
      boolean stored = token != null && token.value().contains("secrets.") && !token.value().toUpperCase(Locale.ROOT).contains("GITHUB_TOKEN");
      String what = stored ? "the token " + token.value().strip()
          + " (which outlives the job)" : "the job's token";
      WorkflowContext.Report report = context.report("actions/checkout keeps " + what + " in the git configuration"
              + (persist == null ? " (persist-credentials defaults to true)" : "")
              + ", where every later step, and anything that uploads or caches the checkout, can read it."
              + " Set persist-credentials: false unless a later step pushes with git")
          .at(step, persist != null ? persist.pos() : step.uses().pos())
          .evidence(job == null ? "" : job.id());
      if (raise != null) {
        report.severity(Severity.HIGH, raise).related(related.pos(), related.path());
      }
      report.emit();
    }
  }

  /** An upload-artifact step after {@code checkout} whose paths include the whole workspace and its hidden files. */
  private static Step workspaceUploadAfter(List<Step> steps, Step checkout) {
    for (Step step : steps) {
      if (step.index() <= checkout.index() || step.uses() == null || !step.uses().is("actions/upload-artifact")) {
        continue;
      }
      Scalar path = step.with("path");
      boolean whole = path != null && path.value().lines().map(String::strip).anyMatch(p -> WORKSPACE.matcher(p).matches());
      Scalar hidden = step.with("include-hidden-files");
      // upload-artifact 4.4 and later skip hidden files such as .git/ unless asked to include them.
      boolean skipsHidden = !(hidden != null && hidden.value().strip().equalsIgnoreCase("true")) && skipsHiddenFiles(step.uses());
      if (whole && !skipsHidden) {
        return step;
      }
    }
    return null;
  }

  private static boolean skipsHiddenFiles(Uses uses) {
    if (uses.pin() != PinKind.TAG) {
      return false; // a SHA or branch cannot be dated; count it as older
    }
    Matcher m = VERSION.matcher(uses.ref());
    if (!m.find()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    return major > 4 || (major == 4 && (m.group(2) == null || Integer.parseInt(m.group(2)) >= 4));
  }

  /** Major version of a tag pin; 0 when it cannot be told (SHA, branch), which counts as older. */
  private static int major(Uses uses) {
    if (uses.pin() != PinKind.TAG) {
      return 0;
    }
    Matcher m = VERSION.matcher(uses.ref());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
