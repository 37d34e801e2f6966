package dev.gatehouse.web.testing;

import dev.gatehouse.web.demo.DemoGitHubServer;
import dev.gatehouse.web.demo.DemoOrg;
import dev.gatehouse.web.demo.DemoOrganization;
import dev.gatehouse.web.demo.DemoRepository;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mock GitHub over real HTTP, answering with GitHub's published shapes (REST and GraphQL):
 * organization {@code acme} with {@value #REPO_COUNT} repositories (three GraphQL pages; one named
 * like a script tag; {@code service-001} with a workflow that injects an issue title into a
 * shell), its Actions settings, and no runner endpoints (the token "lacks" admin rights there).
 * Also serves {@link DemoOrganization} ({@value DEMO}): seven repositories exercising every rule
 * family, runners and runner groups, environments; and {@link HostileOrganization} ({@value HOSTILE}),
 * whose names, branches and workflow contents try to run script. Any other organization does not exist.
 */
public class GitHubMockResource implements QuarkusTestResourceLifecycleManager {

  public static final String ORG = "acme";
  public static final String DEMO = DemoGitHubServer.ORG;
  public static final String HOSTILE = HostileOrganization.LOGIN;
  public static final String TOKEN = "ghp_testtoken0000000000000000000000000000";
  public static final int REPO_COUNT = 250;
  public static final String HOSTILE_NAME = "<script>alert(1)</script>";
  public static final String VULNERABLE = """
      on: issues
      permissions: {}
      jobs:
        triage:
          runs-on: ubuntu-latest
          steps:
            - run: echo "${{ github.event.issue.title }}"
      """;

  private DemoGitHubServer server;

  public static List<DemoRepository> repositories() {
    List<DemoRepository> repos = new ArrayList<>();
    for (int i = 1; i <= REPO_COUNT; i++) {
      String name = i == 137 ? HOSTILE_NAME : String.format("service-%03d", i);
      Map<String, String> files = i == 1 ? Map.of(".github/workflows/triage.yml", VULNERABLE) : Map.of();
      repos.add(new DemoRepository(100_000 + i, ORG, name, i % 3 == 0 ? "private" : "public",
          i % 10 == 0, i % 7 == 0, i % 5 == 0 ? "trunk" : "main", "2026-11-0" + (1 + i % 9) + "T10:00:00Z", files));
    }
    return repos;
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> rest = new LinkedHashMap<>();
    String o = "/orgs/" + ORG + "/actions/permissions";
    rest.put(o, "{\"enabled_repositories\":\"all\",\"allowed_actions\":\"all\",\"sha_pinning_required\":false}");
    rest.put(o + "/workflow", "{\"default_workflow_permissions\":\"read\",\"can_approve_pull_request_reviews\":false}");
    server = DemoGitHubServer.start(new DemoOrg(ORG, 4242, repositories(), rest));
    // The demo organization too (every rule family, runners, environments): scan it by name.
    server.update(DemoOrganization.build());
    server.update(HostileOrganization.build());
    return Map.of(
        "gatehouse.github.api-url", server.apiUrl().toString(),
        "gatehouse.github.token", TOKEN,
        "gatehouse.github.organizations", ORG);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectGitHubMock.class, DemoGitHubServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
