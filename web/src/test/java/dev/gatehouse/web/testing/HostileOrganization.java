package dev.gatehouse.web.testing;

import dev.gatehouse.web.demo.DemoOrg;
import dev.gatehouse.web.demo.DemoRepository;
import java.util.List;
import java.util.Map;

/**
 * An organization whose attacker-controlled strings try to run script wherever the dashboard
 * shows them: repository names, branch names, workflow contents (which findings quote), with
 * script tags, attribute breakouts, quotes and Qute/template braces. Every payload sets
 * {@code window.__pwned}; a browser test asserts it never gets set.
 */
public final class HostileOrganization {

  public static final String LOGIN = "hostile-co";
  public static final String SCRIPT_NAME = "<script>window.__pwned='name'</script>";
  public static final String ATTRIBUTE_NAME = "x\"><img src=x onerror=\"window.__pwned='attr'\">";
  public static final String BRACES_NAME = "{inject:currentUser.name}{#for x in y}'\"";
  public static final String BRANCH = "main\"><script>window.__pwned='branch'</script>";
  public static final String WORKFLOW = """
      name: "<script>window.__pwned='wf-name'</script>"
      on: issues
      permissions: {}
      jobs:
        triage:
          runs-on: ubuntu-latest
          steps:
            - name: "</code></pre><img src=x onerror=\\"window.__pwned='step'\\">"
              run: echo "${{ github.event.issue.title }}" "<script>window.__pwned='run'</script>" '{{ 7*7 }}' "{#if}"
      """;

  private HostileOrganization() {}

  public static DemoOrg build() {
    Map<String, String> files = Map.of(".github/workflows/triage.yml", WORKFLOW);
    List<DemoRepository> repos = List.of(
        new DemoRepository(300_001, LOGIN, SCRIPT_NAME, "public", false, false, BRANCH, "2026-11-01T10:00:00Z", files),
        new DemoRepository(300_002, LOGIN, ATTRIBUTE_NAME, "public", false, false, "main", "2026-11-02T10:00:00Z", files),
        new DemoRepository(300_003, LOGIN, BRACES_NAME, "private", false, false, "{{branch}}", "2026-11-03T10:00:00Z", files));
    String o = "/orgs/" + LOGIN + "/actions/permissions";
    Map<String, String> rest = Map.of(
        o, "{\"enabled_repositories\":\"all\",\"allowed_actions\":\"all\",\"sha_pinning_required\":false}",
        o + "/workflow", "{\"default_workflow_permissions\":\"write\",\"can_approve_pull_request_reviews\":true}");
    return new DemoOrg(LOGIN, 7777, repos, rest);
  }
}
