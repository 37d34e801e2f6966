package dev.gatehouse.web.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers like GitHub for one organization: REST (organization,
 * Actions settings, runners, environments, with ETags and 304s) and GraphQL (repository pages, batched file contents). It serves the clearly
 * labelled demo organization on a first run without credentials, and test organizations in tests,
 * through exactly the client path a real scan uses.
 */
public final class DemoGitHubServer implements AutoCloseable {

  public static final String ORG = "gatehouse-demo";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as received, for tests that assert what the client sent. */
  public record Received(String method, String path, String query, String authorization, String ifNoneMatch, String body) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final java.util.Map<String, DemoOrg> orgs = new java.util.concurrent.ConcurrentHashMap<>();
  private final DemoOrg first;
  private final java.util.List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();

  private DemoGitHubServer(HttpServer server, ExecutorService executor, DemoOrg org) {
    this.server = server;
    this.executor = executor;
    this.first = org;
    this.orgs.put(org.login(), org);
  }

  public static DemoGitHubServer start() {
    return start(DemoOrganization.build());
  }

  public static DemoGitHubServer start(DemoOrg org) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "demo-github");
        t.setDaemon(true);
        return t;
      });
      DemoGitHubServer demo = new DemoGitHubServer(server, executor, org);
      server.createContext("/", demo::handle);
      server.setExecutor(executor);
      server.start();
      return demo;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo GitHub server", e);
    }
  }

  public URI apiUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public DemoOrg org() {
    return orgs.get(first.login());
  }

  /** Adds an organization, or changes what one looks like from now on (tests of drift between scans). */
  public void update(DemoOrg changed) {
    orgs.put(changed.login(), changed);
  }

  /** The organization a path or GraphQL request is about. */
  private DemoOrg orgFor(String login) {
    return login == null ? null : orgs.get(login);
  }

  private static String loginOf(String path) {
    String[] parts = path.split("/");
    return parts.length > 2 && (parts[1].equals("orgs") || parts[1].equals("repos")) ? parts[2] : null;
  }

  /** Requests received so far, oldest first. */
  public java.util.List<Received> received() {
    return java.util.List.copyOf(received);
  }

  /** Answers slowly, like a real GitHub across a network (tests that watch a scan progress). */
  public void latency(java.time.Duration perRequest) {
    latencyMillis = perRequest.toMillis();
  }

  private volatile long latencyMillis;

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (latencyMillis > 0) {
        try {
          Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String path = exchange.getRequestURI().getPath();
      String body0 = exchange.getRequestMethod().equals("POST")
          ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) : "";
      received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("If-None-Match"), body0));
      if (exchange.getRequestMethod().equals("POST") && path.endsWith("/graphql")) {
        respond(exchange, 200, graphql(body0), null, null);
        return;
      }
      String body;
      DemoOrg org = orgFor(loginOf(path));
      if (org == null) {
        body = null;
      } else if (path.equals("/orgs/" + org.login())) {
        body = GitHubShapes.organization(apiUrl().toString(), org.login(), org.id()).toString();
      } else {
        body = org.rest().get(path);
      }
      if (body == null) {
        respond(exchange, 404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}",
            null, null);
        return;
      }
      String etag = "\"" + DemoRepository.sha1(body) + "\"";
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.getResponseHeaders().set("ETag", etag);
        limits(exchange);
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      respond(exchange, 200, body, null, etag);
    } catch (RuntimeException e) {
      respond(exchange, 500, "{\"message\":\"demo server error\"}", null, null);
    }
  }

  private String graphql(String request) throws IOException {
    JsonNode payload = JSON.readTree(request);
    String q = payload.path("query").asText();
    JsonNode vars = payload.path("variables");
    DemoOrg org = orgFor(vars.has("org") ? vars.get("org").asText() : vars.path("owner").asText(null));
    ObjectNode root = JSON.createObjectNode();
    ObjectNode data = root.putObject("data");
    data.putObject("rateLimit").put("cost", 1).put("remaining", 4999).put("resetAt", "2030-01-01T00:00:00Z");
    if (q.contains("OrgRepos") && org == null) {
      data.putNull("organization");
      root.putArray("errors").addObject().put("type", "NOT_FOUND")
          .put("message", "Could not resolve to an Organization with the login of '" + vars.path("org").asText() + "'.");
      return root.toString();
    }
    if (q.contains("OrgRepos")) {
      int from = vars.path("cursor").isTextual() ? Integer.parseInt(vars.get("cursor").asText()) : 0;
      List<DemoRepository> all = org.repositories();
      ObjectNode repos = data.putObject("organization").putObject("repositories");
      int to = Math.min(all.size(), from + 100);
      repos.putObject("pageInfo").put("hasNextPage", to < all.size()).put("endCursor", to < all.size() ? String.valueOf(to) : null);
      ArrayNode nodes = repos.putArray("nodes");
      for (DemoRepository r : all.subList(from, to)) {
        ObjectNode n = nodes.addObject();
        n.put("databaseId", r.id()).put("id", "R_demo" + r.id()).put("name", r.name()).put("nameWithOwner", r.fullName())
            .put("isArchived", r.archived()).put("isFork", r.fork()).put("isEmpty", false)
            .put("visibility", r.visibility().toUpperCase()).put("pushedAt", r.pushedAt()).put("url", "https://github.com/" + r.fullName());
        n.putObject("defaultBranchRef").put("name", r.defaultBranch()).putObject("target").put("oid", r.headSha());
      }
      return root.toString();
    }
    Map<String, DemoRepository> byName = new HashMap<>();
    if (org != null) {
      org.repositories().forEach(r -> byName.put(r.name(), r));
    }
    for (int i = 0; vars.has("n" + i); i++) {
      DemoRepository r = byName.get(vars.get("n" + i).asText());
      ObjectNode node = data.putObject("r" + i);
      if (r == null) {
        data.putNull("r" + i);
        continue;
      }
      if (vars.has("e" + i)) {
        ArrayNode entries = node.putObject("tree").putArray("entries");
        r.files().forEach((p, text) -> {
          String dir = ".github/workflows/";
          if (p.startsWith(dir) && p.indexOf('/', dir.length()) < 0) {
            ObjectNode e = entries.addObject();
            e.put("name", p.substring(dir.length())).put("path", p).put("type", "blob").put("oid", DemoRepository.sha1(text));
            blob(e.putObject("object"), text);
          }
        });
      }
      for (int j = 0; vars.has("e" + i + "_" + j); j++) {
        String expr = vars.get("e" + i + "_" + j).asText();
        String text = r.files().get(expr.substring(expr.indexOf(':') + 1));
        if (text == null) {
          node.putNull("f" + j);
        } else {
          blob(node.putObject("f" + j), text).put("oid", DemoRepository.sha1(text));
        }
      }
    }
    return root.toString();
  }

  private static ObjectNode blob(ObjectNode node, String text) {
    return node.put("byteSize", text.getBytes(StandardCharsets.UTF_8).length).put("isBinary", false).put("isTruncated", false)
        .put("text", text);
  }

  private static void limits(HttpExchange exchange) {
    exchange.getResponseHeaders().set("X-RateLimit-Limit", "5000");
    exchange.getResponseHeaders().set("X-RateLimit-Remaining", "4999");
    exchange.getResponseHeaders().set("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + 3600));
  }

  private static void respond(HttpExchange exchange, int status, String body, String link, String etag) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    limits(exchange);
    if (link != null) {
      exchange.getResponseHeaders().set("Link", link);
    }
    if (etag != null) {
      exchange.getResponseHeaders().set("ETag", etag);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
