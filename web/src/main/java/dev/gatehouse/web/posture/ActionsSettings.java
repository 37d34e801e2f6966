package dev.gatehouse.web.posture;

import static dev.gatehouse.web.posture.Setting.atMost;
import static dev.gatehouse.web.posture.Setting.equal;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.PrivateForkPrSettings;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.scanner.policy.Posture;
import dev.gatehouse.scanner.rules.settings.Allowlists;
import java.util.List;
import java.util.function.Function;

/**
 * The settings the posture page compares, in the order of GitHub's settings page. Each judge
 * follows the rule that reports the same setting, so the page and the findings agree.
 */
final class ActionsSettings {

  private static final String FALSE = "false";
  private static final String TRUE = "true";

  static final List<Setting> ALL = List.of(
      new Setting("enabled_repositories", "Repositories that may run Actions", true,
          s -> s.permissions().map(ActionsPermissions::enabledRepositories), Posture::enabledRepositories,
          atMost("none", "selected", "all")),
      new Setting("allowed_actions", "Allowed actions and reusable workflows", false,
          s -> s.permissions().map(ActionsPermissions::allowedActions), Posture::allowedActions,
          atMost("local_only", "selected", "all")),
      new Setting("github_owned_allowed", "Every GitHub-owned action allowed", false,
          s -> s.selected().map(a -> String.valueOf(a.githubOwnedAllowed())), p -> text(p.githubOwnedAllowed()),
          atMost(FALSE, TRUE)),
      new Setting("verified_allowed", "Every Marketplace verified creator allowed", false,
          s -> s.selected().map(a -> String.valueOf(a.verifiedAllowed())), p -> text(p.verifiedAllowed()),
          atMost(FALSE, TRUE)),
      new Setting("patterns_allowed", "Allowlist patterns", false,
          s -> s.selected().map(a -> patterns(a.patternsAllowed())), p -> p.allowlist() == null ? null : patterns(p.allowlist()),
          ActionsSettings::allowlistCovered),
      new Setting("sha_pinning_required", "Actions must be pinned to a full commit SHA", false,
          s -> s.permissions().map(p -> text(p.shaPinningRequired())), p -> text(p.shaPinningRequired()), equal()),
      new Setting("default_workflow_permissions", "Default GITHUB_TOKEN permissions", false,
          s -> s.token().map(WorkflowTokenDefaults::defaultWorkflowPermissions), Posture::defaultTokenPermissions,
          atMost("read", "write")),
      new Setting("can_approve_pull_request_reviews", "Actions may approve pull requests", false,
          s -> s.token().map(t -> String.valueOf(t.canApprovePullRequestReviews())), p -> text(p.canApprovePullRequests()),
          atMost(FALSE, TRUE)),
      new Setting("approval_policy", "Approval of fork pull request workflows from outside contributors", false,
          SettingsSource::forkPrApproval, Posture::forkPrApproval,
          atMost("all_external_contributors", "first_time_contributors", "first_time_contributors_new_to_github")),
      privateForkPr("run_workflows_from_fork_pull_requests", "Private repositories run fork pull request workflows",
          PrivateForkPrSettings::runWorkflowsFromForkPullRequests, Posture.PrivateForkPr::runWorkflows, atMost(FALSE, TRUE)),
      privateForkPr("send_write_tokens_to_workflows", "Private repositories send write tokens to fork pull request workflows",
          PrivateForkPrSettings::sendWriteTokensToWorkflows, Posture.PrivateForkPr::sendWriteTokens, atMost(FALSE, TRUE)),
      privateForkPr("send_secrets_and_variables", "Private repositories send secrets to fork pull request workflows",
          PrivateForkPrSettings::sendSecretsAndVariables, Posture.PrivateForkPr::sendSecrets, atMost(FALSE, TRUE)),
      privateForkPr("require_approval_for_fork_pr_workflows", "Private repositories require approval of fork pull request workflows",
          PrivateForkPrSettings::requireApprovalForForkPrWorkflows, Posture.PrivateForkPr::requireApproval,
          ActionsSettings::approvalRequired),
      new Setting("self_hosted_runners.enabled_repositories", "Repositories that may use self-hosted runners", true,
          SettingsSource::selfHostedRunners, ActionsSettings::selfHostedRunnerAccess, atMost("none", "selected", "all")));

  private ActionsSettings() {}

  private static Setting privateForkPr(String field, String label, Function<PrivateForkPrSettings, Boolean> value,
      Function<Posture.PrivateForkPr, Boolean> expected, Setting.Judge judge) {
    return new Setting(field, label, false, s -> s.privateForkPr().map(p -> String.valueOf(value.apply(p))),
        p -> p.privateForkPr() == null ? null : text(expected.apply(p.privateForkPr())), judge);
  }

  /** With fork workflows off, GitHub greys the approval box out and reports false: the default, not a choice. */
  private static String approvalRequired(String actual, String expected, SettingsSource source, Posture posture) {
    PrivateForkPrSettings s = source.privateForkPr().orNull();
    if (s != null && !s.runWorkflowsFromForkPullRequests()) {
      return null;
    }
    return atMost(TRUE, FALSE).deviation(actual, expected, source, posture);
  }

  /** Entries the policy's allowlist does not cover widen what may run without review. */
  private static String allowlistCovered(String actual, String expected, SettingsSource source, Posture posture) {
    SelectedActions list = source.selected().orNull();
    List<String> policy = posture.allowlist();
    List<String> outside = list == null ? List.of() : list.patternsAllowed().stream()
        .filter(e -> !Allowlists.blocking(e) && policy.stream().noneMatch(p -> Allowlists.covers(p, e))).toList();
    return outside.isEmpty() ? null : "not in the policy's allowlist: " + String.join(" ", outside);
  }

  /** {@code runners.all-repositories: false} asks for selected repositories; true accepts all. */
  private static String selfHostedRunnerAccess(Posture p) {
    Boolean all = p.runners() == null ? null : p.runners().allRepositories();
    return all == null ? null : all ? "all" : "selected";
  }

  private static String patterns(List<String> patterns) {
    return patterns.isEmpty() ? "(none)" : String.join(" ", patterns);
  }

  private static String text(Boolean value) {
    return value == null ? null : value.toString();
  }
}
