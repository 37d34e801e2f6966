package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Which setting each control (settings, runner and correlated workflow rule) reads. One table,
 * used both to report unreadable settings and to refuse a "pass" for any control whose input
 * could not be read.
 */
public final class ControlInputs {

  /** One input of a scan: what it is, where GitHub reports it, its value, and the controls that read it. */
  public record Input(String subject, String resource, String what, Readable<?> value, List<String> controls) {}

  static final List<String> ORG_PERMISSIONS = List.of("actions-allowed-all", "actions-enabled-all-repos", "sha-pinning-setting-mismatch",
      "actions-used-not-allowed", "actions-allowlist-stale");
  static final List<String> ALLOWLIST = List.of("actions-allowlist-outside-policy", "actions-allowlist-stale", "actions-used-not-allowed");
  static final List<String> TOKEN = List.of("default-token-writable", "actions-can-approve-prs", "missing-permissions");
  static final List<String> FORK_APPROVAL = List.of("fork-pr-approval-weak", "self-hosted-untrusted-trigger");
  static final List<String> PRIVATE_FORK = List.of("private-fork-pr-secrets");
  static final List<String> SELF_HOSTED_ACCESS = List.of("self-hosted-runners-all-repos");
  static final List<String> GROUPS = List.of("runner-group-public-repos", "runner-group-all-repos", "runner-group-any-workflow",
      "runner-non-ephemeral", "self-hosted-untrusted-trigger");
  static final List<String> ORG_RUNNERS = List.of("runner-non-ephemeral", "runner-stale", "runner-group-any-workflow",
      "self-hosted-untrusted-trigger");
  static final List<String> REPO_PERMISSIONS = List.of("actions-allowed-all", "sha-pinning-setting-mismatch",
      "actions-used-not-allowed", "actions-allowlist-stale");
  static final List<String> REPO_RUNNERS = List.of("runner-on-public-repo", "runner-non-ephemeral", "runner-stale");
  static final List<String> ENVIRONMENTS = List.of("publish-without-approval");
  /** Unreadable workflow files leave every workflow rule, and the inventory-based allowlist rules, unevaluated. */
  static final List<String> FILES = java.util.stream.Stream.concat(
      RuleRegistry.workflowRules().stream().map(r -> r.info().id()),
      java.util.stream.Stream.of("actions-allowlist-stale", "actions-used-not-allowed")).toList();

  private ControlInputs() {}

  public static List<Input> of(OrgScan scan) {
    OrgSnapshot o = scan.org();
    String org = o.login();
    List<Input> inputs = new ArrayList<>();
    inputs.add(new Input(org, Resources.orgPermissions(org), "the organization's Actions permissions", o.actionsPermissions(), ORG_PERMISSIONS));
    inputs.add(new Input(org, Resources.orgSelectedActions(org), "the organization's allowed-actions list", o.selectedActions(), ALLOWLIST));
    inputs.add(new Input(org, Resources.orgWorkflow(org), "the organization's default workflow token", o.workflowDefaults(), TOKEN));
    inputs.add(new Input(org, Resources.orgForkPrApproval(org), "the organization's fork-PR approval policy", o.forkPrApprovalPolicy(), FORK_APPROVAL));
    inputs.add(new Input(org, Resources.orgPrivateForkPr(org), "the organization's fork-PR settings for private repositories", o.privateForkPr(), PRIVATE_FORK));
    inputs.add(new Input(org, Resources.orgSelfHostedRunners(org), "which repositories may use self-hosted runners", o.selfHostedRunnersRepositories(), SELF_HOSTED_ACCESS));
    inputs.add(new Input(org, Resources.orgRunnerGroups(org), "the organization's runner groups", o.runnerGroups(), GROUPS));
    inputs.add(new Input(org, Resources.orgRunners(org), "the organization's self-hosted runners", o.runners(), ORG_RUNNERS));
    for (RepoSnapshot repo : scan.repos()) {
      String r = repo.repository().fullName();
      inputs.add(new Input(r, Resources.repoPermissions(r), "the Actions permissions of " + r, repo.actionsPermissions(), REPO_PERMISSIONS));
      inputs.add(new Input(r, Resources.repoSelectedActions(r), "the allowed-actions list of " + r, repo.selectedActions(), ALLOWLIST));
      inputs.add(new Input(r, Resources.repoWorkflow(r), "the default workflow token of " + r, repo.workflowDefaults(), TOKEN));
      inputs.add(new Input(r, Resources.repoPrivateForkPr(r), "the fork-PR settings of " + r, repo.privateForkPr(), PRIVATE_FORK));
      inputs.add(new Input(r, Resources.repoRunners(r), "the self-hosted runners of " + r, repo.runners(), REPO_RUNNERS));
      inputs.add(new Input(r, Resources.repoEnvironments(r), "the environments of " + r, repo.environments(), ENVIRONMENTS));
      inputs.add(new Input(r, "/repos/" + r + "/contents/.github/workflows", "the workflow files of " + r, repo.files(), FILES));
    }
    return inputs;
  }
}
