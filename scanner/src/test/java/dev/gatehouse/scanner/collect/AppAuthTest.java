package dev.gatehouse.scanner.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class AppAuthTest {

  static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** GitHub hands out PKCS#1 PEMs; the JDK writes PKCS#8, whose last part is the PKCS#1 key. */
  static String pkcs1Pem(KeyPair keys) {
    byte[] pkcs8 = keys.getPrivate().getEncoded();
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n";
  }

  @Test
  void jwtFindsTheInstallationAndTokensAreRefreshedBeforeExpiry() throws Exception {
    KeyPair keys = keys();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"id\": 4242, \"account\": {\"login\": \"acme\"}}"));
      server.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
          .setBody("{\"token\":\"ghs_first\",\"expires_at\":\"2026-11-27T13:00:00Z\"}"));
      server.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
          .setBody("{\"token\":\"ghs_second\",\"expires_at\":\"2026-11-27T14:00:00Z\"}"));
      server.start();
      AppTokenSource tokens = new AppTokenSource(123, AppPrivateKey.parse(pkcs1Pem(keys)),
          GitHubEndpoint.of(URI.create(server.url("/").toString())), clock, Optional.empty());

      assertThat(tokens.token("acme")).isEqualTo("ghs_first");
      RecordedRequest installation = server.takeRequest();
      assertThat(installation.getPath()).isEqualTo("/orgs/acme/installation");
      String jwt = installation.getHeader("Authorization").substring("Bearer ".length());
      String[] parts = jwt.split("\\.");
      Signature verify = Signature.getInstance("SHA256withRSA");
      verify.initVerify(keys.getPublic());
      verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
      JsonNode claims = Shapes.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      assertThat(claims.get("iss").asText()).isEqualTo("123");
      assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
      RecordedRequest exchange = server.takeRequest();
      assertThat(exchange.getMethod()).isEqualTo("POST");
      assertThat(exchange.getPath()).isEqualTo("/app/installations/4242/access_tokens");

      clock.advance(Duration.ofMinutes(30));
      assertThat(tokens.token("acme")).isEqualTo("ghs_first");
      assertThat(server.getRequestCount()).isEqualTo(2);
      clock.advance(Duration.ofMinutes(26));
      assertThat(tokens.token("acme")).isEqualTo("ghs_second");
      assertThat(server.takeRequest().getPath()).isEqualTo("/app/installations/4242/access_tokens");
      assertThat(tokens.toString()).doesNotContain("PRIVATE");
    }
  }

  @Test
  void installationTokenIsWhatTheCollectorSends() throws Exception {
    KeyPair keys = keys();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    try (MockWebServer server = new MockWebServer()) {
      FakeGitHub fake = new FakeGitHub("acme", "");
      fake.script("/orgs/acme/installation", new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"id\": 7}"));
      fake.script("/app/installations/7/access_tokens", new MockResponse().setResponseCode(201)
          .setHeader("Content-Type", "application/json").setBody("{\"token\":\"ghs_install\",\"expires_at\":\"2026-11-27T13:00:00Z\"}"));
      server.setDispatcher(fake);
      server.start();
      URI api = URI.create(server.url("/").toString());
      String pkcs8 = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
      AppTokenSource tokens = new AppTokenSource(9, AppPrivateKey.parse(pkcs8), GitHubEndpoint.of(api), clock, Optional.empty());
      GitHubClient client = GitHubClient.builder(api, tokens).budget(new RateBudget(10, clock, clock)).build();
      assertThat(client.get("/orgs/acme/actions/permissions", new ScanMeter(), "acme").available()).isTrue();
      RecordedRequest settings = fake.requestsTo("/orgs/acme/actions/permissions").get(0);
      assertThat(settings.getHeader("Authorization")).isEqualTo("Bearer ghs_install");
    }
  }
}
