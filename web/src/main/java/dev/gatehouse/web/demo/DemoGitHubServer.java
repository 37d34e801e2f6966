package dev.gatehouse.web.demo;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that answers like GitHub for one clearly named demo organization,
 * so a first run with no credentials exercises the real client, parser and storage path.
 */
public final class DemoGitHubServer implements AutoCloseable {

  public static final String ORG = "gatehouse-demo";

  private static final Pattern ORG_PATH = Pattern.compile("^/orgs/([^/]+)$");
  private static final Pattern REPOS_PATH = Pattern.compile("^/orgs/([^/]+)/repos$");

  private final HttpServer server;
  private final List<DemoRepository> repositories;

  private DemoGitHubServer(HttpServer server, List<DemoRepository> repositories) {
    this.server = server;
    this.repositories = repositories;
  }

  public static DemoGitHubServer start() {
    return start(DemoOrganization.repositories());
  }

  static DemoGitHubServer start(List<DemoRepository> repositories) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      DemoGitHubServer demo = new DemoGitHubServer(server, repositories);
      server.createContext("/", demo::handle);
      server.setExecutor(Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "demo-github");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return demo;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo GitHub server", e);
    }
  }

  public URI apiUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      Matcher org = ORG_PATH.matcher(path);
      Matcher repos = REPOS_PATH.matcher(path);
      if (org.matches() && ORG.equals(org.group(1))) {
        respond(exchange, 200, GitHubShapes.organization(apiUrl().toString(), ORG, 9_000_001L), null);
      } else if (repos.matches() && ORG.equals(repos.group(1))) {
        int perPage = Math.max(1, Math.min(100, parse(query.get("per_page"), 30)));
        int page = Math.max(1, parse(query.get("page"), 1));
        int from = Math.min(repositories.size(), (page - 1) * perPage);
        int to = Math.min(repositories.size(), from + perPage);
        int last = Math.max(1, (repositories.size() + perPage - 1) / perPage);
        String base = apiUrl() + path + "?per_page=" + perPage + "&page=";
        String link = page < last ? "<" + base + (page + 1) + ">; rel=\"next\", <" + base + last + ">; rel=\"last\"" : null;
        List<JsonNode> items = repositories.subList(from, to).stream()
            .map(r -> (JsonNode) GitHubShapes.repository(apiUrl().toString(), r)).toList();
        respond(exchange, 200, GitHubShapes.array(items), link);
      } else {
        respond(exchange, 404, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
            .put("message", "Not Found")
            .put("documentation_url", "https://docs.github.com/rest")
            .put("status", "404"), null);
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body, String link) throws IOException {
    byte[] bytes = GitHubShapes.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("X-RateLimit-Limit", "5000");
    exchange.getResponseHeaders().set("X-RateLimit-Remaining", "4999");
    exchange.getResponseHeaders().set("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + 3600));
    if (link != null) {
      exchange.getResponseHeaders().set("Link", link);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> result = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          result.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return result;
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
