package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;

/**
 * When Actions may approve pull requests, a workflow (or whoever controls one) can open a pull
 * request and approve it with the {@code GITHUB_TOKEN}, satisfying a required review without a
 * human ever reading the change.
 */
@RuleInfo(
    id = "actions-can-approve-prs",
    summary = "github actions may create and approve pull requests",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class ActionsCanApprovePrs implements SettingsRule {

  private static final String FIX = " Clear \"Allow GitHub Actions to create and approve pull requests\" under %s > Actions "
      + "> General > Workflow permissions; a bot that must open pull requests can use a GitHub App token, and a "
      + "person approves them.";

  @Override
  public void check(SettingsContext context) {
    if (!Boolean.FALSE.equals(context.posture().canApprovePullRequests())) {
      return; // the policy takes no position, or allows it
    }
    String org = context.orgLogin();
    WorkflowTokenDefaults o = context.org().workflowDefaults().orNull();
    if (o != null && o.canApprovePullRequestReviews()) {
      context.report(org, Resources.orgWorkflow(org), "can_approve_pull_request_reviews",
              "The organization lets GitHub Actions approve pull requests (can_approve_pull_request_reviews: true); "
                  + "the policy expects false." + String.format(FIX, "Organization settings"))
          .emit();
    }
    for (RepoSnapshot repo : context.repos()) {
      WorkflowTokenDefaults d = repo.workflowDefaults().orNull();
      if (d == null || !d.canApprovePullRequestReviews()) {
        continue;
      }
      String r = repo.repository().fullName();
      SettingsContext.Report report = context.report(r, Resources.repoWorkflow(r), "can_approve_pull_request_reviews",
          "Repository " + r + " lets GitHub Actions approve pull requests (can_approve_pull_request_reviews: true); "
              + "the policy expects false." + String.format(FIX, "the repository's Settings"));
      if (repo.repository().archived()) {
        report.severity(Severity.LOW, "the repository is archived, so its workflows do not run until it is unarchived");
      }
      report.emit();
    }
  }
}
