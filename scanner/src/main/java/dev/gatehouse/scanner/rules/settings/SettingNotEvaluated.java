package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import java.util.List;

/**
 * Every setting GitHub would not show, with the controls that therefore are not evaluated. The
 * other settings rules stay silent on an unreadable input; this finding is what keeps that
 * silence from reading as a pass.
 */
@RuleInfo(
    id = "setting-not-evaluated",
    summary = "a setting could not be read, so the controls that use it are not evaluated",
    severity = Severity.INFO,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class SettingNotEvaluated implements SettingsRule {

  static final List<String> ORG_PERMISSIONS = List.of("actions-allowed-all", "actions-enabled-all-repos", "sha-pinning-setting-mismatch");
  static final List<String> ALLOWLIST = List.of("actions-allowlist-outside-policy", "actions-allowlist-stale", "actions-used-not-allowed");
  static final List<String> TOKEN = List.of("default-token-writable", "actions-can-approve-prs", "missing-permissions");
  static final List<String> FORK_APPROVAL = List.of("fork-pr-approval-weak", "self-hosted-untrusted-trigger");
  static final List<String> PRIVATE_FORK = List.of("private-fork-pr-secrets");
  static final List<String> SELF_HOSTED_ACCESS = List.of("self-hosted-runners-all-repos");
  static final List<String> GROUPS = List.of("runner-group-public-repos", "runner-group-all-repos", "runner-group-any-workflow",
      "self-hosted-untrusted-trigger");
  static final List<String> ORG_RUNNERS = List.of("runner-non-ephemeral", "runner-stale", "runner-group-any-workflow",
      "self-hosted-untrusted-trigger");
  static final List<String> REPO_PERMISSIONS = List.of("actions-allowed-all", "sha-pinning-setting-mismatch");
  static final List<String> REPO_RUNNERS = List.of("runner-on-public-repo", "runner-non-ephemeral", "runner-stale");
  static final List<String> ENVIRONMENTS = List.of("publish-without-approval");
  static final List<String> FILES = List.of("every workflow rule");

  @Override
  public void check(SettingsContext context) {
    String org = context.orgLogin();
    var o = context.org();
    gap(context, org, Resources.orgPermissions(org), "the organization's Actions permissions", o.actionsPermissions(), ORG_PERMISSIONS);
    gap(context, org, Resources.orgSelectedActions(org), "the organization's allowed-actions list", o.selectedActions(), ALLOWLIST);
    gap(context, org, Resources.orgWorkflow(org), "the organization's default workflow token", o.workflowDefaults(), TOKEN);
    gap(context, org, Resources.orgForkPrApproval(org), "the organization's fork-PR approval policy", o.forkPrApprovalPolicy(), FORK_APPROVAL);
    gap(context, org, Resources.orgPrivateForkPr(org), "the organization's fork-PR settings for private repositories", o.privateForkPr(), PRIVATE_FORK);
    gap(context, org, Resources.orgSelfHostedRunners(org), "which repositories may use self-hosted runners", o.selfHostedRunnersRepositories(), SELF_HOSTED_ACCESS);
    gap(context, org, Resources.orgRunnerGroups(org), "the organization's runner groups", o.runnerGroups(), GROUPS);
    gap(context, org, Resources.orgRunners(org), "the organization's self-hosted runners", o.runners(), ORG_RUNNERS);
    for (RepoSnapshot repo : context.repos()) {
      String r = repo.repository().fullName();
      gap(context, r, Resources.repoPermissions(r), "the repository's Actions permissions", repo.actionsPermissions(), REPO_PERMISSIONS);
      gap(context, r, Resources.repoSelectedActions(r), "the repository's allowed-actions list", repo.selectedActions(), ALLOWLIST);
      gap(context, r, Resources.repoWorkflow(r), "the repository's default workflow token", repo.workflowDefaults(), TOKEN);
      gap(context, r, Resources.repoPrivateForkPr(r), "the repository's fork-PR settings", repo.privateForkPr(), PRIVATE_FORK);
      gap(context, r, Resources.repoRunners(r), "the repository's self-hosted runners", repo.runners(), REPO_RUNNERS);
      gap(context, r, Resources.repoEnvironments(r), "the repository's environments", repo.environments(), ENVIRONMENTS);
      gap(context, r, "/repos/" + r + "/contents/.github/workflows", "the repository's workflow files", repo.files(), FILES);
    }
  }

  private static void gap(SettingsContext context, String subject, String resource, String what, Readable<?> value, List<String> controls) {
    if (value instanceof Readable.Unavailable<?> u) {
      context.report(subject, resource, "", "Not evaluated: " + what + " could not be read ("
              + (u.status() > 0 ? u.reason() : "no answer: " + u.reason()) + "); these controls are not evaluated: "
              + String.join(", ", controls))
          .evidence(String.join(",", controls)).emit();
    }
  }
}
