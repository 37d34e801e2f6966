package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.parse.Expressions;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.SourcePositions;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runner only receives the secrets a job names; {@code toJSON(secrets)} or a computed
 * {@code secrets[...]} index makes GitHub send all of them, so one leaked log line or compromised
 * step exposes every secret instead of the one it needed.
 */
@RuleInfo(
    id = "overprovisioned-secrets",
    summary = "all secrets sent to the runner by reading the whole secrets context",
    severity = Severity.MEDIUM,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"overprovisioned-secrets"})
public final class OverprovisionedSecrets implements WorkflowRule {

  private record Site(Scalar scalar, String path, Step step) {}

  @Override
  public void check(WorkflowContext context) {
    List<Site> sites = new ArrayList<>();
    Workflow workflow = context.workflow();
    if (workflow != null) {
      workflow.env().forEach((k, v) -> sites.add(new Site(v, "env." + k, null)));
      for (Job job : workflow.jobs()) {
        add(sites, job.env(), job.path() + ".env", null);
        add(sites, job.with(), job.path() + ".with", null);
        add(sites, job.secrets(), job.path() + ".secrets", null);
        add(sites, job.outputs(), job.path() + ".outputs", null);
        if (job.condition() != null) {
          sites.add(new Site(job.condition(), job.path() + ".if", null));
        }
      }
    }
    for (Step step : context.file().allSteps()) {
      add(sites, step.env(), step.path() + ".env", step);
      add(sites, step.with(), step.path() + ".with", step);
      if (step.run() != null) {
        sites.add(new Site(step.run(), step.path() + ".run", step));
      }
      if (step.condition() != null) {
        sites.add(new Site(step.condition(), step.path() + ".if", step));
      }
    }
    for (Site site : sites) {
      if (mentionsSecrets(site.scalar().value())) {
        inspect(context, site);
      }
    }
  }

  private static void add(List<Site> sites, Map<String, Scalar> values, String path, Step step) {
    values.forEach((k, v) -> {
      if (mentionsSecrets(v.value())) {
        sites.add(new Site(v, path + "." + k, step));
      }
    });
  }

  /** A literal test before any expression parsing: most values never mention secrets. */
  private static boolean mentionsSecrets(String text) {
    return text.contains("ecrets") || text.contains("ECRETS");
  }

  private static void inspect(WorkflowContext context, Site site) {
    String text = site.scalar().value();
    List<Expressions.Expression> expressions = Expressions.find(text);
    // if: conditions may be written without ${{ }}; the whole value is then the expression
    if (expressions.isEmpty() && site.path().endsWith(".if") && text.contains("secrets")) {
      expressions = List.of(new Expressions.Expression(text, 0, text.length()));
    }
    for (Expressions.Expression e : expressions) {
      List<String> contexts = e.contexts();
      boolean whole = contexts.contains("secrets");
      boolean computed = contexts.contains("secrets.*");
      if (!whole && !computed) {
        continue;
      }
      String snippet = text.substring(e.start(), e.end());
      String what = whole
          ? "passes the whole secrets context (" + e.body() + "), so every secret of the repository is sent to the runner"
          : "indexes secrets with a computed name (" + e.body() + "), so every secret of the repository is sent to the runner";
      WorkflowContext.Report report = context.report(snippet.strip() + " " + what
          + "; name each secret it needs (secrets.NAME) instead")
          .evidence(e.body().replaceAll("\\s+", ""));
      var pos = SourcePositions.of(context.file().lines(), site.scalar(), e.start(), snippet);
      if (site.step() != null) {
        report.at(site.step(), pos);
      } else {
        report.at(pos, site.path());
      }
      report.emit();
    }
  }
}
