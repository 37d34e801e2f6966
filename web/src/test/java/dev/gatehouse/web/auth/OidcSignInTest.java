package dev.gatehouse.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.Browser;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.MockOidcProvider;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** OIDC sign-in end to end: a real browser, quarkus-oidc's code flow, a provider over HTTP, groups mapped to roles. */
@QuarkusTest
@TestProfile(OidcSignInTest.Oidc.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class OidcSignInTest {

  static final MockOidcProvider PROVIDER = MockOidcProvider.start();

  public static class Oidc implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.tenant-enabled", "true",
          "quarkus.oidc.auth-server-url", PROVIDER.issuer(),
          "quarkus.oidc.client-id", MockOidcProvider.CLIENT_ID,
          "quarkus.oidc.credentials.secret", MockOidcProvider.CLIENT_SECRET,
          "quarkus.oidc.roles.role-claim-path", "groups",
          "gatehouse.auth.oidc.admin-roles", "gatehouse-admins",
          "gatehouse.auth.oidc.viewer-roles", "gatehouse-viewers");
    }
  }

  @Test
  void groupsDecideTheRoleAndAGatehouseSessionStarts() {
    PROVIDER.nextUser("olivia", List.of("engineering", "gatehouse-admins"));
    try (Browser browser = Browser.open()) {
      browser.get("/login");
      browser.find("#sign-in-oidc").click();
      try {
        browser.waitFor(d -> d.findElements(By.id("current-user")).size() == 1);
      } catch (RuntimeException e) {
        throw new AssertionError("at " + browser.driver().getCurrentUrl() + ": " + browser.driver().getPageSource(), e);
      }
      assertThat(browser.find("#current-user").getText()).isEqualTo("olivia");
      assertThat(browser.text()).contains("admin");
      assertThat(browser.findAll("a[href='/admin/access']")).hasSize(1);
    }
    PROVIDER.nextUser("victor", List.of("gatehouse-viewers"));
    try (Browser browser = Browser.open()) {
      browser.get("/login/oidc");
      browser.waitFor(d -> d.findElements(By.id("current-user")).size() == 1);
      assertThat(browser.find("#current-user").getText()).isEqualTo("victor");
      assertThat(browser.findAll("a[href='/admin/access']")).isEmpty();
    }
    PROVIDER.nextUser("mallory", List.of("contractors"));
    try (Browser browser = Browser.open()) {
      browser.get("/login/oidc");
      browser.waitFor(d -> d.getPageSource().contains("none of your groups"));
      browser.get("/");
      assertThat(browser.driver().getCurrentUrl()).contains("/login");
    }
  }
}
