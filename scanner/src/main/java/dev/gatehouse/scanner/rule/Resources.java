package dev.gatehouse.scanner.rule;

/**
 * Where a settings or runner finding points: the REST path of the object GitHub reports the
 * setting in. A finding's location is that path (as its file) and the field (as its path).
 */
public final class Resources {

  private Resources() {}

  public static String orgPermissions(String org) {
    return "/orgs/" + org + "/actions/permissions";
  }

  public static String orgSelectedActions(String org) {
    return orgPermissions(org) + "/selected-actions";
  }

  public static String orgWorkflow(String org) {
    return orgPermissions(org) + "/workflow";
  }

  public static String orgForkPrApproval(String org) {
    return orgPermissions(org) + "/fork-pr-contributor-approval";
  }

  public static String orgPrivateForkPr(String org) {
    return orgPermissions(org) + "/fork-pr-workflows-private-repos";
  }

  public static String orgSelfHostedRunners(String org) {
    return orgPermissions(org) + "/self-hosted-runners";
  }

  public static String orgRunnerGroups(String org) {
    return "/orgs/" + org + "/actions/runner-groups";
  }

  public static String orgRunnerGroup(String org, long id) {
    return orgRunnerGroups(org) + "/" + id;
  }

  public static String orgRunners(String org) {
    return "/orgs/" + org + "/actions/runners";
  }

  public static String orgRunner(String org, long id) {
    return orgRunners(org) + "/" + id;
  }

  public static String repoPermissions(String repo) {
    return "/repos/" + repo + "/actions/permissions";
  }

  public static String repoSelectedActions(String repo) {
    return repoPermissions(repo) + "/selected-actions";
  }

  public static String repoWorkflow(String repo) {
    return repoPermissions(repo) + "/workflow";
  }

  public static String repoPrivateForkPr(String repo) {
    return repoPermissions(repo) + "/fork-pr-workflows-private-repos";
  }

  public static String repoAccess(String repo) {
    return repoPermissions(repo) + "/access";
  }

  public static String repoRunners(String repo) {
    return "/repos/" + repo + "/actions/runners";
  }

  public static String repoRunner(String repo, long id) {
    return repoRunners(repo) + "/" + id;
  }

  public static String repoEnvironments(String repo) {
    return "/repos/" + repo + "/environments";
  }

  public static String repoEnvironment(String repo, String name) {
    return repoEnvironments(repo) + "/" + name;
  }
}
