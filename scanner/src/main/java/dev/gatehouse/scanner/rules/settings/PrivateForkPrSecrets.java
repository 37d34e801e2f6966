package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.PrivateForkPrSettings;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.policy.Posture;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;

/**
 * In private and internal repositories, fork pull request workflows can be given a write token and
 * the repository's secrets; anyone who can fork (every member, and every outside collaborator
 * with read access) then runs their own code with those credentials, unless approval is required.
 */
@RuleInfo(
    id = "private-fork-pr-secrets",
    summary = "private repositories give fork pull request workflows write tokens or secrets",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class PrivateForkPrSecrets implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    Posture.PrivateForkPr want = context.posture().privateForkPr();
    if (want == null) {
      return;
    }
    String org = context.orgLogin();
    PrivateForkPrSettings o = context.org().privateForkPr().orNull();
    if (o != null) {
      judge(context, org, Resources.orgPrivateForkPr(org), "The organization's private repositories",
          "Organization settings", o, want);
    }
    for (RepoSnapshot repo : context.repos()) {
      PrivateForkPrSettings s = repo.privateForkPr().orNull();
      if (s != null && !repo.repository().isPublic()) {
        String r = repo.repository().fullName();
        judge(context, r, Resources.repoPrivateForkPr(r), "Repository " + r, "the repository's Settings", s, want);
      }
    }
  }

  private static void judge(SettingsContext context, String subject, String resource, String who, String where,
      PrivateForkPrSettings s, Posture.PrivateForkPr want) {
    String fix = " Change it under " + where + " > Actions > General > \"Fork pull request workflows in private repositories\".";
    if (Boolean.FALSE.equals(want.runWorkflows()) && s.runWorkflowsFromForkPullRequests()) {
      emit(context, subject, resource, "run_workflows_from_fork_pull_requests", who
          + " run workflows from fork pull requests (run_workflows_from_fork_pull_requests: true); the policy expects "
          + "false." + fix, s);
    }
    if (Boolean.FALSE.equals(want.sendWriteTokens()) && s.sendWriteTokensToWorkflows()) {
      emit(context, subject, resource, "send_write_tokens_to_workflows", who
          + " give fork pull request workflows a GITHUB_TOKEN with write access (send_write_tokens_to_workflows: true); "
          + "the policy expects false: a fork's code could push to the base repository." + fix, s);
    }
    if (Boolean.FALSE.equals(want.sendSecrets()) && s.sendSecretsAndVariables()) {
      emit(context, subject, resource, "send_secrets_and_variables", who
          + " send secrets and variables to fork pull request workflows (send_secrets_and_variables: true); the "
          + "policy expects false: a fork's code could read and send them out." + fix, s);
    }
    // With fork workflows off, GitHub greys the approval box out and reports false: the default, not a choice.
    if (Boolean.TRUE.equals(want.requireApproval()) && s.runWorkflowsFromForkPullRequests()
        && !s.requireApprovalForForkPrWorkflows()) {
      emit(context, subject, resource, "require_approval_for_fork_pr_workflows", who
          + " run fork pull request workflows without a maintainer's approval (require_approval_for_fork_pr_workflows: "
          + "false); the policy expects true." + fix, s);
    }
  }

  private static void emit(SettingsContext context, String subject, String resource, String field, String message,
      PrivateForkPrSettings s) {
    SettingsContext.Report report = context.report(subject, resource, field, message);
    if (!s.runWorkflowsFromForkPullRequests()) {
      report.severity(Severity.LOW, "fork pull request workflows are off (run_workflows_from_fork_pull_requests: false), "
          + "so this applies only once they are turned on");
    }
    report.emit();
  }
}
