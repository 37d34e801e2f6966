package dev.gatehouse.scanner.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * GitHub App authentication: a JWT signed with the App's key (RS256, 9 minutes) finds the
 * installation for an organization and exchanges it for an installation token, which is cached
 * and refreshed five minutes before it expires.
 */
public final class AppTokenSource implements TokenSource {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

  private record Token(String value, Instant expires) {}

  private final long appId;
  private final PrivateKey key;
  private final GitHubEndpoint endpoint;
  private final Clock clock;
  private final Optional<Long> installationId;
  private final OkHttpClient http;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Long> installations = new ConcurrentHashMap<>();

  public AppTokenSource(long appId, PrivateKey key, GitHubEndpoint endpoint, Clock clock, Optional<Long> installationId) {
    this.appId = appId;
    this.key = key;
    this.endpoint = endpoint;
    this.clock = clock;
    this.installationId = installationId;
    this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
  }

  @Override
  public String token(String org) throws IOException {
    String k = org == null ? "" : org;
    Token current = tokens.get(k);
    if (current != null && clock.instant().plus(REFRESH_BEFORE).isBefore(current.expires())) {
      return current.value();
    }
    synchronized (this) {
      current = tokens.get(k);
      if (current != null && clock.instant().plus(REFRESH_BEFORE).isBefore(current.expires())) {
        return current.value();
      }
      long installation = installation(org);
      JsonNode answer = call(new Request.Builder()
          .url(endpoint.rest("/app/installations/" + installation + "/access_tokens"))
          .post(RequestBody.create(new byte[0], MediaType.get("application/json"))), "create an installation token");
      Token fresh = new Token(answer.path("token").asText(), Instant.parse(answer.path("expires_at").asText()));
      tokens.put(k, fresh);
      return fresh.value();
    }
  }

  private long installation(String org) throws IOException {
    if (installationId.isPresent()) {
      return installationId.get();
    }
    if (org == null) {
      throw new GitHubReadException("a GitHub App needs an organization or a configured installation id", -1, null);
    }
    Long known = installations.get(org);
    if (known != null) {
      return known;
    }
    JsonNode answer = call(new Request.Builder().url(endpoint.rest("/orgs/" + org + "/installation")).get(),
        "find the App installation for " + org);
    long id = answer.path("id").asLong();
    installations.put(org, id);
    return id;
  }

  private JsonNode call(Request.Builder request, String what) throws IOException {
    Request r = request.header("Authorization", "Bearer " + jwt())
        .header("Accept", "application/vnd.github+json").header("User-Agent", "gatehouse").build();
    try (Response response = http.newCall(r).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      if (response.code() / 100 != 2) {
        throw new GitHubReadException("cannot " + what + ": " + GitHubClient.reason(response, body), response.code(), null);
      }
      return JSON.readTree(body);
    }
  }

  /** A JWT for the App, backdated a minute against clock drift, valid nine minutes (GitHub allows ten). */
  String jwt() {
    long now = clock.instant().getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"iat\":" + (now - 60) + ",\"exp\":" + (now + 540) + ",\"iss\":\"" + appId + "\"}")
        .getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the GitHub App JWT", e);
    }
  }

  @Override
  public String toString() {
    return "AppTokenSource[appId=" + appId + ", key=***]";
  }
}
