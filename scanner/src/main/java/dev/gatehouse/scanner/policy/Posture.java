package dev.gatehouse.scanner.policy;

import dev.gatehouse.scanner.rule.Severity;
import java.util.List;
import java.util.Set;

/**
 * The desired Actions settings and runner posture (docs/policy.md). A null field means the
 * policy takes no position on that setting, so no rule judges it.
 *
 * @param allowedActions expected {@code allowed_actions}: selected, local_only or all
 * @param allowlist patterns the org allowlist may contain ({@code owner/repo@ref}, {@code owner/*})
 * @param githubOwnedAllowed whether GitHub-owned actions may be allowed wholesale
 * @param verifiedAllowed whether Marketplace verified creators may be allowed wholesale
 * @param shaPinningRequired whether {@code sha_pinning_required} must be on (true) or off (false)
 * @param enabledRepositories expected {@code enabled_repositories}: all or selected
 * @param defaultTokenPermissions expected {@code default_workflow_permissions}: read or write
 * @param canApprovePullRequests whether Actions may approve pull requests
 * @param forkPrApproval minimum {@code approval_policy}
 * @param privateForkPr what private repositories may do with fork PRs
 * @param runners runner requirements
 * @param alertThreshold findings at or above this severity raise drift alerts
 */
public record Posture(
    String allowedActions, List<String> allowlist, Boolean githubOwnedAllowed, Boolean verifiedAllowed,
    Boolean shaPinningRequired, String enabledRepositories, String defaultTokenPermissions,
    Boolean canApprovePullRequests, String forkPrApproval, PrivateForkPr privateForkPr, Runners runners,
    Severity alertThreshold) {

  public Posture {
    allowlist = allowlist == null ? null : List.copyOf(allowlist);
  }

  /** Private repositories and fork PRs: each null when the policy takes no position. */
  public record PrivateForkPr(Boolean runWorkflows, Boolean sendWriteTokens, Boolean sendSecrets, Boolean requireApproval) {}

  /**
   * @param ephemeral runners must be ephemeral
   * @param publicRepositories runner groups may serve public repositories
   * @param allRepositories every repository may use self-hosted runners ({@code self-hosted-runners} access)
   * @param sensitiveLabels labels that mark lanes needing workflow restrictions (gpu, ...)
   * @param maxOfflineDays days a runner may stay offline before it is stale
   */
  public record Runners(Boolean ephemeral, Boolean publicRepositories, Boolean allRepositories,
      Set<String> sensitiveLabels, Integer maxOfflineDays) {
    public Runners {
      sensitiveLabels = sensitiveLabels == null ? Set.of() : Set.copyOf(sensitiveLabels);
    }
  }

  /** The strict default: everything locked down (see default-policy.yml). */
  public static Posture strict() {
    return new Posture("selected", List.of(), false, false, true, null, "read", false, "all_external_contributors",
        new PrivateForkPr(null, false, false, true), new Runners(true, false, false, Set.of("gpu"), 14), Severity.HIGH);
  }
}
