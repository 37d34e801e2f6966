package dev.gatehouse.web.report;

import java.util.List;

/** One control of the compliance report and the rules that decide it. */
public enum ComplianceControl {

  LEAST_PRIVILEGE("Untrusted pull request code runs only with least privilege and no secrets",
      List.of("untrusted-checkout", "untrusted-checkout-exec", "secrets-in-untrusted-job", "missing-permissions",
          "excessive-permissions", "default-token-writable", "template-injection", "env-file-injection", "credential-persistence")),
  NO_DIRECT_EXECUTION("Workflows with write or secrets access never execute untrusted pull request code directly",
      List.of("untrusted-checkout-exec", "artifact-poisoning", "cache-poisoning", "template-injection", "ai-agent-untrusted-input",
          "insecure-commands", "unsound-condition")),
  MAINTAINER_APPROVAL("Privileged CI requires explicit maintainer approval",
      List.of("fork-pr-approval-weak", "private-fork-pr-secrets", "actions-can-approve-prs", "publish-without-approval",
          "spoofable-bot-check", "dangerous-trigger")),
  RUNNER_ISOLATION("Self-hosted and GPU runners are gated and isolated",
      List.of("self-hosted-untrusted-trigger", "self-hosted-runners-all-repos", "runner-group-public-repos", "runner-group-all-repos",
          "runner-group-any-workflow", "runner-non-ephemeral", "runner-on-public-repo", "runner-stale")),
  AUDITABLE_USAGE("Action usage, token scopes and exceptions are auditable",
      List.of("unpinned-action", "unpinned-image", "known-compromised-action", "actions-allowed-all", "actions-allowlist-outside-policy",
          "actions-allowlist-stale", "actions-used-not-allowed", "sha-pinning-setting-mismatch", "actions-enabled-all-repos",
          "overprovisioned-secrets", "secrets-inherit", "long-lived-publish-token", "hardcoded-credentials", "workflow-parse-error"));

  private final String title;
  private final List<String> rules;

  ComplianceControl(String title, List<String> rules) {
    this.title = title;
    this.rules = rules;
  }

  public String title() {
    return title;
  }

  public List<String> rules() {
    return rules;
  }
}
