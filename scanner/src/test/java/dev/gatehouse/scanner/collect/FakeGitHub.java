package dev.gatehouse.scanner.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A mock GitHub for one organization, answering REST with the published example shapes and
 * GraphQL (repository pages, batched contents) to the schema's shape. It honours
 * {@code If-None-Match} (304, free), counts rate-limit points like GitHub, and can be told to
 * fail a path a number of times or to refuse paths (403 with the permission GitHub would name).
 */
final class FakeGitHub extends Dispatcher {

  record Repo(String name, String visibility, boolean archived, String head, Map<String, String> files) {}

  final String org;
  final String prefix;
  final List<Repo> repos = new CopyOnWriteArrayList<>();
  final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  final Set<String> forbidden = ConcurrentHashMap.newKeySet();
  /** Repositories GraphQL answers with {@code null} (as it does beside an {@code errors} entry for them). */
  final Set<String> graphqlErrors = ConcurrentHashMap.newKeySet();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  final AtomicLong remaining = new AtomicLong(5000);
  volatile long resetEpoch = 1_900_000_000L;
  volatile Duration latency = Duration.ZERO;

  FakeGitHub(String org, String prefix) {
    this.org = org;
    this.prefix = prefix;
  }

  /** Answers {@code path} (without query) with these responses first, in order. */
  void script(String path, MockResponse... responses) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(responses));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    MockResponse response = answer(request);
    if (!latency.isZero()) {
      response.setHeadersDelay(latency.toMillis(), TimeUnit.MILLISECONDS);
    }
    return response;
  }

  private MockResponse answer(RecordedRequest request) {
    String fullPath = request.getRequestUrl().encodedPath();
    String path = fullPath.startsWith(prefix) ? fullPath.substring(prefix.length()) : fullPath;
    Deque<MockResponse> queue = scripted.get(path);
    if (queue != null) {
      MockResponse next = queue.poll();
      if (next != null) {
        return next;
      }
    }
    if (path.equals("/graphql") || fullPath.endsWith("/api/graphql")) {
      return limits(json(graphql(request)), "graphql", false);
    }
    for (String f : forbidden) {
      if (path.startsWith(f)) {
        return limits(new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
            .setHeader("X-Accepted-GitHub-Permissions", "administration=read")
            .setBody("{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"403\"}"), "core", true);
      }
    }
    String body = rest(path, request.getRequestUrl().queryParameter("page"));
    if (body == null) {
      return limits(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
          .setBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}"), "core", true);
    }
    String etag = "\"" + sha(body) + "\"";
    if (etag.equals(request.getHeader("If-None-Match"))) {
      return limits(new MockResponse().setResponseCode(304).setHeader("ETag", etag), "core", false);
    }
    return limits(json(body).setHeader("ETag", etag), "core", true);
  }

  private MockResponse limits(MockResponse r, String resource, boolean costs) {
    long left = costs ? remaining.decrementAndGet() : remaining.get();
    return r.setHeader("x-ratelimit-limit", "5000").setHeader("x-ratelimit-remaining", Math.max(0, left))
        .setHeader("x-ratelimit-reset", resetEpoch).setHeader("x-ratelimit-resource", resource);
  }

  private static MockResponse json(String body) {
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
  }

  private String rest(String path, String page) {
    String o = "/orgs/" + org + "/actions";
    Map<String, String> fixed = new LinkedHashMap<>();
    fixed.put("/orgs/" + org, Shapes.with("get-orgs-org.json", "login", org));
    fixed.put(o + "/permissions", Shapes.with("get-orgs-org-actions-permissions.json", "allowed_actions", "selected"));
    fixed.put(o + "/permissions/selected-actions", Shapes.text("get-orgs-org-actions-permissions-selected-actions.json"));
    fixed.put(o + "/permissions/workflow", Shapes.text("get-orgs-org-actions-permissions-workflow.json"));
    fixed.put(o + "/permissions/fork-pr-contributor-approval", Shapes.text("get-orgs-org-actions-permissions-fork-pr-contributor-approval.json"));
    fixed.put(o + "/permissions/fork-pr-workflows-private-repos", Shapes.text("get-orgs-org-actions-permissions-fork-pr-workflows-private-repos.json"));
    fixed.put(o + "/permissions/self-hosted-runners", Shapes.text("get-orgs-org-actions-permissions-self-hosted-runners.json"));
    fixed.put(o + "/runner-groups", Shapes.text("get-orgs-org-actions-runner-groups.json"));
    fixed.put(o + "/runners", Shapes.text("get-orgs-org-actions-runners.json"));
    if (fixed.containsKey(path)) {
      return fixed.get(path);
    }
    Matcher group = Pattern.compile("^" + Pattern.quote(o) + "/runner-groups/(\\d+)/(repositories|runners)$").matcher(path);
    if (group.matches()) {
      if (group.group(2).equals("repositories")) {
        return Shapes.text("get-orgs-org-actions-runner-groups-runner_group_id-repositories.json");
      }
      ObjectNode runners = (ObjectNode) Shapes.example("get-orgs-org-actions-runners.json");
      ArrayNode list = (ArrayNode) runners.get("runners");
      if (!group.group(1).equals("1")) {
        list.removeAll();
      }
      return runners.toString();
    }
    Matcher repo = Pattern.compile("^/repos/" + Pattern.quote(org) + "/([^/]+)/(.+)$").matcher(path);
    if (repo.matches()) {
      String rest = repo.group(2);
      return switch (rest) {
        case "actions/permissions" -> Shapes.with("get-repos-owner-repo-actions-permissions.json", "allowed_actions", "all");
        case "actions/permissions/workflow" -> Shapes.text("get-repos-owner-repo-actions-permissions-workflow.json");
        case "actions/permissions/access" -> Shapes.text("get-repos-owner-repo-actions-permissions-access.json");
        case "actions/permissions/fork-pr-workflows-private-repos" -> Shapes.text("get-repos-owner-repo-actions-permissions-fork-pr-workflows-private-repos.json");
        case "actions/runners" -> "{\"total_count\":0,\"runners\":[]}";
        case "environments" -> Shapes.text("get-repos-owner-repo-environments.json");
        default -> null;
      };
    }
    return null;
  }

  private String graphql(RecordedRequest request) {
    JsonNode payload;
    try {
      payload = Shapes.JSON.readTree(request.getBody().readUtf8());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String query = payload.path("query").asText();
    JsonNode vars = payload.path("variables");
    if (query.contains("OrgRepos")) {
      int from = vars.path("cursor").isNull() || vars.path("cursor").isMissingNode() ? 0 : Integer.parseInt(vars.path("cursor").asText());
      ArrayNode nodes = Shapes.JSON.createArrayNode();
      for (int i = from; i < Math.min(repos.size(), from + 100); i++) {
        Repo r = repos.get(i);
        ObjectNode n = Shapes.repoNode(i, org, r.visibility().toUpperCase(), r.archived(), r.head());
        n.put("name", r.name()).put("nameWithOwner", org + "/" + r.name()).put("databaseId", 5000 + i);
        nodes.add(n);
      }
      return Shapes.repositoriesPage(nodes, from + 100 < repos.size() ? String.valueOf(from + 100) : null);
    }
    ObjectNode data = Shapes.JSON.createObjectNode();
    ObjectNode root = data.putObject("data");
    root.putObject("rateLimit").put("cost", 1).put("remaining", remaining.get()).put("resetAt", "2030-01-01T00:00:00Z");
    for (int i = 0; vars.has("n" + i); i++) {
      String name = vars.path("n" + i).asText();
      Repo r = repos.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
      if (graphqlErrors.contains(name)) {
        root.putNull("r" + i);
        continue;
      }
      ObjectNode repoNode = root.putObject("r" + i);
      if (vars.has("e" + i)) {
        ArrayNode entries = repoNode.putObject("tree").putArray("entries");
        r.files().forEach((p, text) -> {
          if (p.startsWith(".github/workflows/") && p.indexOf('/', ".github/workflows/".length()) < 0) {
            ObjectNode e = entries.addObject();
            e.put("name", p.substring(p.lastIndexOf('/') + 1)).put("path", p).put("type", "blob").put("oid", sha(text));
            blob(e.putObject("object"), text);
          }
        });
      }
      for (int j = 0; vars.has("e" + i + "_" + j); j++) {
        String expr = vars.path("e" + i + "_" + j).asText();
        String p = expr.substring(expr.indexOf(':') + 1);
        String text = r.files().get(p);
        if (text == null) {
          repoNode.putNull("f" + j);
        } else {
          blob(repoNode.putObject("f" + j), text).put("oid", sha(text));
        }
      }
    }
    return data.toString();
  }

  private static ObjectNode blob(ObjectNode node, String text) {
    return node.put("byteSize", text.length()).put("isBinary", false).put("isTruncated", false).put("text", text);
  }

  static String sha(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<RecordedRequest> requestsTo(String pathPart) {
    List<RecordedRequest> found = new ArrayList<>();
    for (RecordedRequest r : requests) {
      if (r.getPath().contains(pathPart)) {
        found.add(r);
      }
    }
    return found;
  }
}
