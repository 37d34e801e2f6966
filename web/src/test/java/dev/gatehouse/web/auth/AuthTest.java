package dev.gatehouse.web.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Real sign-in over HTTP: sessions, CSRF, API tokens and their scopes. No test identity here. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class AuthTest {

  @Inject Accounts accounts;
  @Inject ApiTokens tokens;
  @Inject EntityManager em;

  @Test
  void everythingButSignInNeedsAnIdentityOnTheApplicationPort() {
    given().get("/api/v1/repositories").then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"gatehouse\"");
    given().get("/api/v1/exports/findings?organization=acme&format=csv").then().statusCode(401);
    given().get("/q/metrics").then().statusCode(401); // served on the management port only (OpsEndpointsTest)
    given().get("/q/openapi").then().statusCode(401);
    given().redirects().follow(false).get("/orgs/acme?tab=1").then().statusCode(302)
        .header("Location", "/login?next=%2Forgs%2Facme%3Ftab%3D1");
    given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/login");
    given().get("/login").then().statusCode(200);
    given().get("/static/app.css").then().statusCode(200);
    // A forged or stale cookie or token is just anonymous: the challenge, not an error page.
    given().cookie(Sessions.COOKIE, "forged").redirects().follow(false).get("/").then().statusCode(302);
    given().auth().oauth2("gth_notatoken").get("/api/v1/repositories").then().statusCode(401);
  }

  @Test
  void signInStartsASessionCookieThatIsHttpOnlySecureAndLax() {
    Accounts.Created alice = accounts.create("alice-" + System.nanoTime(), Roles.VIEWER, "test");
    Response signedIn = signIn(alice.account().username(), alice.password(), "/orgs/acme");
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.header("Location")).endsWith("/orgs/acme");
    String setCookie = signedIn.headers().getValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(Sessions.COOKIE + "=")).findFirst().orElseThrow();
    assertThat(setCookie).contains("HttpOnly", "Secure", "SameSite=Lax", "Path=/");
    String session = signedIn.cookie(Sessions.COOKIE);
    // The table holds a digest only.
    long clear = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
        "select count(*) from user_session where encode(id_hash, 'escape') like ?1").setParameter(1, "%" + session + "%")
        .getSingleResult()).longValue());
    assertThat(clear).isZero();

    given().cookie(Sessions.COOKIE, session).get("/api/v1/repositories").then().statusCode(200);
    // A viewer reads but cannot start a scan.
    given().cookie(Sessions.COOKIE, session).contentType(ContentType.JSON).body(Map.of("organization", "acme"))
        .post("/api/v1/scans").then().statusCode(403);
    // Signing out ends the session on the server, not just in the browser.
    Response form = given().cookie(Sessions.COOKIE, session).get("/login");
    given().cookie(Sessions.COOKIE, session).cookie("csrf-token", form.cookie("csrf-token"))
        .formParam("csrf-token", csrf(form.asString())).redirects().follow(false)
        .post("/logout").then().statusCode(303);
    given().cookie(Sessions.COOKIE, session).get("/api/v1/repositories").then().statusCode(401);
  }

  @Test
  void apiWritesRidingTheSessionCookieMustBeJson() {
    Accounts.Created admin = accounts.create("ada-" + System.nanoTime(), Roles.ADMIN, "test");
    String session = signIn(admin.account().username(), admin.password(), "/").cookie(Sessions.COOKIE);
    // What a cross-site <form enctype="text/plain"> could send: refused before it reaches the endpoint.
    given().cookie(Sessions.COOKIE, session).contentType(ContentType.TEXT).body("{}").post("/api/v1/tokens").then().statusCode(403)
        .body("error", org.hamcrest.Matchers.containsString("application/json"));
    given().cookie(Sessions.COOKIE, session).post("/api/v1/tokens/1/revoke").then().statusCode(403);
    // JSON needs a CORS preflight a foreign page cannot pass: allowed.
    given().cookie(Sessions.COOKIE, session).contentType(ContentType.JSON).body(Map.of("name", "from-session", "scope", "read"))
        .post("/api/v1/tokens").then().statusCode(201);
    given().cookie(Sessions.COOKIE, session).contentType(ContentType.JSON).post("/api/v1/tokens/999999/revoke").then().statusCode(404);
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() {
    Accounts.Created bob = accounts.create("bob-" + System.nanoTime(), Roles.ADMIN, "test");
    given().formParam("username", bob.account().username()).formParam("password", bob.password())
        .redirects().follow(false).post("/login").then().statusCode(400);
    Response form = given().get("/login");
    given().cookie("csrf-token", form.cookie("csrf-token")).formParam("csrf-token", "wrong")
        .formParam("username", bob.account().username()).formParam("password", bob.password())
        .redirects().follow(false).post("/login").then().statusCode(400);
  }

  @Test
  void wrongPasswordsAreRefusedThenTheAccountIsLockedForAWhile() {
    Accounts.Created carol = accounts.create("carol-" + System.nanoTime(), Roles.VIEWER, "test");
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(carol.account().username(), "not-the-password", "/").statusCode()).isEqualTo(401);
    }
    Response locked = signIn(carol.account().username(), carol.password(), "/");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.asString()).contains("Too many failed sign-ins");
  }

  @Test
  void nextOnlyLeadsToLocalPaths() {
    assertThat(LoginPage.safeNext("https://evil.example/")).isEqualTo("/");
    assertThat(LoginPage.safeNext("//evil.example/")).isEqualTo("/");
    assertThat(LoginPage.safeNext("/\\evil.example/")).isEqualTo("/");
    assertThat(LoginPage.safeNext("/login?next=/x")).isEqualTo("/");
    assertThat(LoginPage.safeNext("/orgs/acme/findings?severity=high")).isEqualTo("/orgs/acme/findings?severity=high");
  }

  @Test
  void apiTokenScopesAreEnforced() {
    String read = tokens.create("ci-read", "read", null, "test").secret();
    String admin = tokens.create("ci-admin", "admin", Instant.now().plus(1, ChronoUnit.DAYS), "test").secret();
    assertThat(read).startsWith("gth_").hasSize(44);

    given().auth().oauth2(read).get("/api/v1/repositories").then().statusCode(200);
    given().auth().oauth2(read).get("/api/v1/exports/findings?organization=acme&format=csv").then().statusCode(200);
    given().auth().oauth2(read).contentType(ContentType.JSON).body(Map.of("organization", "acme"))
        .post("/api/v1/scans").then().statusCode(403);
    given().auth().oauth2(read).contentType(ContentType.JSON).body(Map.of("note", "x"))
        .post("/api/v1/alerts/1/acknowledge").then().statusCode(403);
    given().auth().oauth2(read).contentType(ContentType.JSON)
        .body(Map.of("organization", "acme", "rule", "template-injection", "repository", "acme/*", "owner", "sec",
            "reason", "read tokens cannot do this", "expires", java.time.LocalDate.now().plusDays(30).toString()))
        .post("/api/v1/exceptions").then().statusCode(403);
    given().auth().oauth2(read).contentType(ContentType.JSON).post("/api/v1/exceptions/1/expire").then().statusCode(403);
    given().auth().oauth2(read).contentType(ContentType.JSON).body(Map.of("name", "x", "scope", "admin"))
        .post("/api/v1/tokens").then().statusCode(403);
    Response started = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("organization", "acme"))
        .post("/api/v1/scans");
    assertThat(started.statusCode()).as(started.asString()).isIn(200, 202);

    ApiTokens.Token used = tokens.list().stream().filter(t -> t.name().equals("ci-read")).findFirst().orElseThrow();
    assertThat(used.lastUsedAt()).isNotNull();
    assertThat(used.prefix()).isEqualTo(read.substring(0, 8));
    tokens.revoke(used.id(), "test");
    given().auth().oauth2(read).get("/api/v1/repositories").then().statusCode(401);
  }

  @Test
  void expiredTokensAreRefused() {
    ApiTokens.Created t = tokens.create("short-lived", "read", Instant.now().plusSeconds(2), "test");
    given().auth().oauth2(t.secret()).get("/api/v1/repositories").then().statusCode(200);
    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
        "update api_token set expires_at = now() - interval '1 second' where id = ?1").setParameter(1, t.token().id()).executeUpdate());
    given().auth().oauth2(t.secret()).get("/api/v1/repositories").then().statusCode(401);
  }

  @Test
  void theBootstrapAdminIsCreatedOnceWithAGeneratedPassword() {
    assertThat(accounts.find(Accounts.BOOTSTRAP_ADMIN)).isPresent();
    assertThat(accounts.createBootstrapAdmin()).isEmpty();
  }

  static Response signIn(String username, String password, String next) {
    Response form = given().get("/login?next=" + next);
    return given().cookie("csrf-token", form.cookie("csrf-token"))
        .formParam("csrf-token", csrf(form.asString()))
        .formParam("username", username).formParam("password", password).formParam("next", next)
        .redirects().follow(false).post("/login");
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("form carries a CSRF token").isTrue();
    return m.group(1);
  }
}
