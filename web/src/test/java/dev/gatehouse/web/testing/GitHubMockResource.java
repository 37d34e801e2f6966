package dev.gatehouse.web.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.gatehouse.web.demo.DemoRepository;
import dev.gatehouse.web.demo.GitHubShapes;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mock GitHub over real HTTP, answering with GitHub's published shapes: organization
 * {@code acme} with {@value #REPO_COUNT} repositories over three {@code Link}-paginated pages
 * (one of them named like a script tag), and {@code gone}, which does not exist.
 */
public class GitHubMockResource implements QuarkusTestResourceLifecycleManager {

  public static final String ORG = "acme";
  public static final String TOKEN = "ghp_testtoken0000000000000000000000000000";
  public static final int REPO_COUNT = 250;
  public static final String HOSTILE_NAME = "<script>alert(1)</script>";

  private WireMockServer server;

  public static List<DemoRepository> repositories() {
    List<DemoRepository> repos = new ArrayList<>();
    for (int i = 1; i <= REPO_COUNT; i++) {
      String name = i == 137 ? HOSTILE_NAME : String.format("service-%03d", i);
      repos.add(new DemoRepository(100_000 + i, ORG, name, i % 3 == 0 ? "private" : "public",
          i % 10 == 0, i % 7 == 0, i % 5 == 0 ? "trunk" : "main", "2026-11-0" + (1 + i % 9) + "T10:00:00Z", java.util.Map.of()));
    }
    return repos;
  }

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    String api = server.baseUrl();
    server.stubFor(get(urlPathEqualTo("/orgs/" + ORG)).willReturn(json(GitHubShapes.organization(api, ORG, 4242))));
    List<DemoRepository> repos = repositories();
    int perPage = 100;
    int last = (repos.size() + perPage - 1) / perPage;
    for (int page = 1; page <= last; page++) {
      List<JsonNode> items = repos.subList((page - 1) * perPage, Math.min(repos.size(), page * perPage)).stream()
          .map(r -> (JsonNode) GitHubShapes.repository(api, r)).toList();
      String base = api + "/organizations/4242/repos?per_page=" + perPage + "&page=";
      StringBuilder link = new StringBuilder();
      if (page < last) {
        link.append('<').append(base).append(page + 1).append(">; rel=\"next\", <").append(base).append(last).append(">; rel=\"last\"");
      }
      if (page > 1) {
        if (link.length() > 0) {
          link.append(", ");
        }
        link.append('<').append(base).append(page - 1).append(">; rel=\"prev\", <").append(base).append(1).append(">; rel=\"first\"");
      }
      var response = json(GitHubShapes.array(items));
      if (link.length() > 0) {
        response = response.withHeader("Link", link.toString());
      }
      // GitHub's next links point at /organizations/{id}/repos; the first page is asked for by name.
      String path = page == 1 ? "/orgs/" + ORG + "/repos" : "/organizations/4242/repos";
      server.stubFor(get(urlPathEqualTo(path))
          .withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)))
          .willReturn(response));
    }
    server.stubFor(get(urlPathEqualTo("/orgs/gone")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest/orgs/orgs#get-an-organization\",\"status\":\"404\"}")));
    return Map.of(
        "gatehouse.github.api-url", api,
        "gatehouse.github.token", TOKEN,
        "gatehouse.github.organizations", ORG);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(JsonNode body) {
    return aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("X-RateLimit-Limit", "5000")
        .withHeader("X-RateLimit-Remaining", "4990")
        .withHeader("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + 3600))
        .withBody(GitHubShapes.write(body));
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectGitHubMock.class, WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
