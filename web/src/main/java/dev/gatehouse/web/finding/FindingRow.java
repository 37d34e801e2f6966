package dev.gatehouse.web.finding;

import dev.gatehouse.web.http.Urls;

/**
 * A finding as the explorer lists it, with the commit its repository was scanned at, for a link to
 * the exact line on GitHub.
 */
public record FindingRow(FindingView finding, String headSha) {

  private String organization() {
    int slash = finding.subject().indexOf('/');
    return slash < 0 ? finding.subject() : finding.subject().substring(0, slash);
  }

  /** The repository's name without its owner; null for organization-wide findings. */
  public String repositoryName() {
    int slash = finding.subject().indexOf('/');
    return slash < 0 ? null : finding.subject().substring(slash + 1);
  }

  public String repositoryHref() {
    String name = repositoryName();
    return name == null ? null : "/orgs/" + Urls.segment(organization()) + "/repositories/" + Urls.segment(name);
  }

  public String location() {
    return finding.line() > 0 ? finding.file() + ":" + finding.line() : finding.file();
  }

  public boolean workflow() {
    return "workflow".equals(finding.scope());
  }

  /**
   * The flagged line on GitHub at the scanned commit for workflow findings (null when the commit is
   * unknown); the settings page for settings and runner findings.
   */
  public String sourceHref() {
    if (!workflow()) {
      return "/orgs/" + Urls.segment(organization()) + "/settings";
    }
    if (headSha == null || repositoryName() == null) {
      return null;
    }
    return "https://github.com/" + Urls.path(finding.subject()) + "/blob/" + Urls.segment(headSha) + "/"
        + Urls.path(finding.file()) + (finding.line() > 0 ? "#L" + finding.line() : "");
  }
}
