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
 * A writable default {@code GITHUB_TOKEN} gives every workflow without a {@code permissions:} block
 * write access to code, packages and releases, so any injection or poisoned dependency in such a
 * workflow can push to the repository.
 */
@RuleInfo(
    id = "default-token-writable",
    summary = "the default workflow token has write access to the repository",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class DefaultTokenWritable implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    if (!"read".equals(context.posture().defaultTokenPermissions())) {
      return; // the policy takes no position, or accepts a writable default
    }
    String org = context.orgLogin();
    WorkflowTokenDefaults o = context.org().workflowDefaults().orNull();
    if (o != null && "write".equals(o.defaultWorkflowPermissions())) {
      context.report(org, Resources.orgWorkflow(org), "default_workflow_permissions", "The organization's default "
              + "GITHUB_TOKEN is read and write (default_workflow_permissions: write); the policy expects read. Under "
              + "Organization settings > Actions > General > Workflow permissions, choose \"Read repository contents and "
              + "packages permissions\"; workflows that need more declare it in a permissions: block.")
          .emit();
    }
    for (RepoSnapshot repo : context.repos()) {
      WorkflowTokenDefaults d = repo.workflowDefaults().orNull();
      if (d == null || !"write".equals(d.defaultWorkflowPermissions())) {
        continue;
      }
      String r = repo.repository().fullName();
      SettingsContext.Report report = context.report(r, Resources.repoWorkflow(r), "default_workflow_permissions",
          "Repository " + r + " gives workflows a read and write GITHUB_TOKEN by default (default_workflow_permissions: "
              + "write); the policy expects read. Under the repository's Settings > Actions > General > Workflow "
              + "permissions, choose \"Read repository contents and packages permissions\" and add permissions: blocks "
              + "to the workflows that write.");
      if (repo.repository().archived()) {
        report.severity(Severity.LOW, "the repository is archived, so its workflows do not run until it is unarchived");
      }
      report.emit();
    }
  }
}
