package dev.gatehouse.scanner.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.scanner.model.Readable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Every request Gatehouse sends to GitHub goes through here: one OkHttp client whose interceptor
 * chain adds conditional requests, retries, the shared rate budget and credentials, in that order.
 * 403 and 404 answers come back as {@link Readable.Unavailable} with the reason, never as defaults.
 */
public final class GitHubClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final int MAX_PAGES = 1000;

  private final OkHttpClient http;
  private final GitHubEndpoint endpoint;
  private final RateBudget budget;

  private GitHubClient(OkHttpClient http, GitHubEndpoint endpoint, RateBudget budget) {
    this.http = http;
    this.endpoint = endpoint;
    this.budget = budget;
  }

  /** The process-wide rate budget, for progress ("rate limit remaining"). */
  public RateBudget budget() {
    return budget;
  }

  public static Builder builder(URI apiUrl, TokenSource tokens) {
    return new Builder(apiUrl, tokens);
  }

  public GitHubEndpoint endpoint() {
    return endpoint;
  }

  /** One GET; 403/404/409/410/422 and exhausted retries become Unavailable with the reason. */
  public Readable<JsonNode> get(String path, ScanMeter meter, String org) {
    Request request = new Request.Builder().url(endpoint.rest(path)).tag(CallTag.class, new CallTag(meter, org)).build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      if (response.code() == 200) {
        JsonNode json = body.isBlank() ? null : JSON.readTree(body);
        return json == null || json.isMissingNode()
            ? Readable.unavailable(200, "GitHub answered 200 without a JSON body")
            : Readable.of(json);
      }
      if (response.code() == 401) {
        throw new GitHubReadException("GitHub rejected the credentials (401) for " + path, 401, null);
      }
      return Readable.unavailable(response.code(), reason(response, body));
    } catch (IOException e) {
      return Readable.unavailable(-1, "no answer from GitHub after retries: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
  }

  /** A paginated list: follows {@code Link: rel="next"}; {@code itemsField} null means the body is the array. */
  public Readable<List<JsonNode>> getPages(String path, String itemsField, ScanMeter meter, String org) {
    List<JsonNode> items = new ArrayList<>();
    String url = endpoint.rest(path);
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      Request request = new Request.Builder().url(url).tag(CallTag.class, new CallTag(meter, org)).build();
      try (Response response = http.newCall(request).execute()) {
        String body = response.body() == null ? "" : response.body().string();
        if (response.code() != 200) {
          if (response.code() == 401) {
            throw new GitHubReadException("GitHub rejected the credentials (401) for " + path, 401, null);
          }
          return Readable.unavailable(response.code(), reason(response, body));
        }
        JsonNode json = JSON.readTree(body);
        JsonNode array = itemsField == null ? json : json.path(itemsField);
        array.forEach(items::add);
        url = next(response.header("Link"));
      } catch (IOException e) {
        return Readable.unavailable(-1, "no answer from GitHub after retries: " + e.getClass().getSimpleName());
      }
    }
    if (url != null) {
      // A part of a list is not the list: a rule must not pass on the runners it was not shown.
      return Readable.unavailable(200, "more than " + MAX_PAGES + " pages at " + path + "; the list was not read to its end");
    }
    return Readable.of(items);
  }

  /** A GraphQL query; returns {@code data}, or throws when GitHub answered only errors. */
  public JsonNode graphql(String query, Map<String, Object> variables, ScanMeter meter, String org) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("query", query);
    payload.set("variables", JSON.valueToTree(variables));
    Request request = new Request.Builder().url(endpoint.graphqlUrl())
        .post(RequestBody.create(payload.toString(), JSON_TYPE))
        .tag(CallTag.class, new CallTag(meter, org)).build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      if (response.code() != 200) {
        throw new GitHubReadException("GraphQL answered " + response.code() + ": " + reason(response, body), response.code(), null);
      }
      JsonNode json = JSON.readTree(body);
      JsonNode data = json.path("data");
      long cost = data.path("rateLimit").path("cost").asLong(1);
      meter.graphqlPoints(cost);
      if (data.isMissingNode() || data.isNull()) {
        throw new GitHubReadException("GraphQL error: " + json.path("errors").path(0).path("message").asText("no data"), 200, null);
      }
      return data;
    } catch (IOException e) {
      throw new GitHubReadException("no answer from GitHub GraphQL after retries: " + e.getClass().getSimpleName(), -1, e);
    }
  }

  static String next(String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }

  /** A reason a person can act on: GitHub's message and, when GitHub names it, the missing permission. */
  static String reason(Response response, String body) {
    String message = "";
    try {
      message = JSON.readTree(body).path("message").asText("");
    } catch (IOException | RuntimeException e) {
      // Not JSON: the status says enough.
    }
    String accepted = response.header("X-Accepted-GitHub-Permissions");
    StringBuilder reason = new StringBuilder().append(response.code());
    if (!message.isEmpty()) {
      reason.append(' ').append(message.length() > 200 ? message.substring(0, 200) : message);
    }
    if (accepted != null && !accepted.isBlank()) {
      reason.append(" (token lacks ").append(accepted.trim()).append(')');
    } else if (response.code() == 404) {
      reason.append(" (the token lacks the permission, or this GitHub version has no such endpoint)");
    } else if (response.code() == 403) {
      reason.append(" (the token lacks the permission, e.g. admin:org or administration:read)");
    }
    return reason.toString();
  }

  public static final class Builder {
    private final URI apiUrl;
    private final TokenSource tokens;
    private RateBudget budget;
    private EtagStore etags = new MemoryEtagStore();
    private int maxAttempts = 4;
    private int maxRateLimitWaits = 10;
    private Duration backoff = Duration.ofMillis(500);
    private Duration timeout = Duration.ofSeconds(30);
    private int concurrency = 8;

    private Builder(URI apiUrl, TokenSource tokens) {
      this.apiUrl = apiUrl;
      this.tokens = tokens;
    }

    public Builder budget(RateBudget budget) {
      this.budget = budget;
      return this;
    }

    public Builder etags(EtagStore etags) {
      this.etags = etags;
      return this;
    }

    public Builder retries(int maxAttempts, Duration backoff) {
      this.maxAttempts = maxAttempts;
      this.backoff = backoff;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Connections kept per host; the collectors run at most this many requests at once. */
    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    public GitHubClient build() {
      RateBudget b = budget != null ? budget : new RateBudget(100, Clock.systemUTC(), Sleeper.REAL);
      OkHttpClient http = new OkHttpClient.Builder()
          .connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2))
          .connectionPool(new okhttp3.ConnectionPool(concurrency, 5, java.util.concurrent.TimeUnit.MINUTES))
          .retryOnConnectionFailure(false)
          .addInterceptor(new ConditionalInterceptor(etags))
          .addInterceptor(new RetryInterceptor(b, maxAttempts, maxRateLimitWaits, backoff))
          .addInterceptor(new RateLimitInterceptor(b))
          .addInterceptor(new AuthInterceptor(tokens))
          .build();
      return new GitHubClient(http, GitHubEndpoint.of(apiUrl), b);
    }
  }
}
