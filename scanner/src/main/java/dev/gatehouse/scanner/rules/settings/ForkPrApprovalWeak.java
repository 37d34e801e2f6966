package dev.gatehouse.scanner.rules.settings;

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
 * The fork-PR approval policy decides whose pull requests run workflows before a maintainer looks
 * at them; anything short of the policy's level lets an outsider who once landed a typo fix run
 * code on the organization's runners, against its caches, on the next pull request.
 */
@RuleInfo(
    id = "fork-pr-approval-weak",
    summary = "fork pull request approval covers fewer contributors than the policy requires",
    severity = Severity.HIGH,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class ForkPrApprovalWeak implements SettingsRule {

  /** Weakest first. */
  static final List<String> ORDER = List.of("first_time_contributors_new_to_github", "first_time_contributors",
      "all_external_contributors");

  @Override
  public void check(SettingsContext context) {
    String want = context.posture().forkPrApproval();
    if (want == null || !ORDER.contains(want)) {
      return; // the policy takes no position
    }
    String org = context.orgLogin();
    String o = context.org().forkPrApprovalPolicy().orNull();
    if (weaker(o, want)) {
      SettingsContext.Report report = context.report(org, Resources.orgForkPrApproval(org), "approval_policy",
          "The organization requires approval before fork pull request workflows run only for " + describe(o)
              + " (approval_policy: " + o + "); the policy expects " + want + ". " + fix("Organization settings"));
      boolean anyPublic = context.repos().stream().anyMatch(r -> r.repository().isPublic() && !r.repository().archived());
      if (!anyPublic) {
        report.severity(Severity.LOW, "the organization has no active public repository, where this policy applies");
      }
      report.emit();
    }
    for (RepoSnapshot repo : context.repos()) {
      String p = repo.forkPrApprovalPolicy().orNull(); // usually not applicable: read at organization level
      if (repo.repository().isPublic() && weaker(p, want)) {
        String r = repo.repository().fullName();
        context.report(r, Resources.repoPermissions(r) + "/fork-pr-contributor-approval", "approval_policy",
                "Repository " + r + " requires approval before fork pull request workflows run only for " + describe(p)
                    + " (approval_policy: " + p + "); the policy expects " + want + ". " + fix("the repository's Settings"))
            .emit();
      }
    }
  }

  /** An unknown value is not judged: it may be stricter than anything known here. */
  static boolean weaker(String actual, String want) {
    return actual != null && ORDER.contains(actual) && ORDER.indexOf(actual) < ORDER.indexOf(want);
  }

  private static String describe(String policy) {
    return policy.equals("first_time_contributors_new_to_github")
        ? "first-time contributors who are new to GitHub"
        : "first-time contributors";
  }

  private static String fix(String where) {
    return "Under " + where + " > Actions > General > \"Approval for running fork pull request workflows from "
        + "contributors\", choose \"Require approval for all external contributors\".";
  }
}
