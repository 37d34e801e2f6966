package dev.gatehouse.web.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal OpenID Connect provider over real HTTP for sign-in tests: discovery, an authorization
 * endpoint that signs in {@link #nextUser} at once and redirects back with a code, a token
 * endpoint issuing an RS256-signed ID token (with {@code groups}), and the JWKS to verify it.
 */
public final class MockOidcProvider implements AutoCloseable {

  public static final String CLIENT_ID = "gatehouse";
  public static final String CLIENT_SECRET = "test-client-secret-0123456789abcdef0123456789";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final KeyPair keys;
  private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
  private volatile String user = "olivia";
  private volatile List<String> groups = List.of();

  private MockOidcProvider(HttpServer server, KeyPair keys) {
    this.server = server;
    this.keys = keys;
  }

  public static MockOidcProvider start() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      MockOidcProvider provider = new MockOidcProvider(server, generator.generateKeyPair());
      server.createContext("/", provider::handle);
      server.start();
      return provider;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Who signs in on the next authorization request, and the groups the ID token carries. */
  public void nextUser(String username, List<String> memberOf) {
    this.user = username;
    this.groups = List.copyOf(memberOf);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
      switch (path) {
        case "/.well-known/openid-configuration" -> json(exchange, Map.of("issuer", issuer(),
            "authorization_endpoint", issuer() + "/authorize", "token_endpoint", issuer() + "/token",
            "jwks_uri", issuer() + "/jwks", "response_types_supported", List.of("code"),
            "subject_types_supported", List.of("public"), "id_token_signing_alg_values_supported", List.of("RS256")));
        case "/jwks" -> {
          RSAPublicKey key = (RSAPublicKey) keys.getPublic();
          json(exchange, Map.of("keys", List.of(Map.of("kty", "RSA", "kid", "k1", "use", "sig", "alg", "RS256",
              "n", b64(unsigned(key.getModulus())), "e", b64(unsigned(key.getPublicExponent()))))));
        }
        case "/authorize" -> {
          String code = "code-" + System.nanoTime();
          Map<String, Object> grant = new LinkedHashMap<>();
          grant.put("user", user);
          grant.put("groups", groups);
          grant.put("nonce", query.get("nonce"));
          codes.put(code, grant);
          String location = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
              + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Location", location);
          exchange.sendResponseHeaders(302, -1);
        }
        case "/token" -> {
          Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          Map<String, Object> grant = codes.remove(body.get("code"));
          if (grant == null) {
            exchange.sendResponseHeaders(400, -1);
            return;
          }
          long now = Instant.now().getEpochSecond();
          Map<String, Object> claims = new LinkedHashMap<>();
          claims.put("iss", issuer());
          claims.put("sub", "sub-" + grant.get("user"));
          claims.put("aud", CLIENT_ID);
          claims.put("iat", now);
          claims.put("exp", now + 300);
          claims.put("preferred_username", grant.get("user"));
          claims.put("groups", grant.get("groups"));
          if (grant.get("nonce") != null) {
            claims.put("nonce", grant.get("nonce"));
          }
          json(exchange, Map.of("access_token", "at-" + now, "token_type", "Bearer", "expires_in", 300, "id_token", jwt(claims)));
        }
        default -> exchange.sendResponseHeaders(404, -1);
      }
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private String jwt(Map<String, Object> claims) throws Exception {
    String header = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "kid", "k1", "typ", "JWT")));
    String payload = b64(JSON.writeValueAsBytes(claims));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(keys.getPrivate());
    rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header + "." + payload + "." + b64(rs256.sign());
  }

  private static void json(HttpExchange exchange, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static byte[] unsigned(BigInteger n) {
    byte[] bytes = n.toByteArray();
    return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
