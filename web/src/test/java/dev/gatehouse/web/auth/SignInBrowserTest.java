package dev.gatehouse.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.Browser;
import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class SignInBrowserTest {

  @Inject Accounts accounts;

  @Test
  void signInThenOutInARealBrowser() {
    Accounts.Created dana = accounts.create("dana-" + System.nanoTime(), Roles.VIEWER, "test");
    try (Browser browser = Browser.open()) {
      browser.get("/");
      assertThat(browser.driver().getCurrentUrl()).contains("/login");
      browser.screenshot("sign-in");
      browser.find("#username").sendKeys(dana.account().username());
      browser.find("#password").sendKeys("wrong password!");
      browser.submit("#sign-in");
      assertThat(browser.find(".flash.error").getText()).contains("wrong password");

      browser.signIn(dana.account().username(), dana.password());
      assertThat(browser.find("#current-user").getText()).isEqualTo(dana.account().username());
      assertThat(browser.text()).doesNotContain("Access"); // viewers see no admin navigation
      browser.submit("#sign-out");
      browser.waitFor(d -> d.getCurrentUrl().contains("/login"));
      browser.get("/");
      assertThat(browser.driver().getCurrentUrl()).contains("/login");
      assertThat(browser.scriptEvents()).isEmpty();
    }
  }

  @Test
  void aLocalUserChangesTheirPassword() {
    Accounts.Created erin = accounts.create("erin-" + System.nanoTime(), Roles.ADMIN, "test");
    String user = erin.account().username();
    try (Browser browser = Browser.open().signIn(user, erin.password())) {
      browser.submit("#current-user");
      browser.find("input[name=current]").sendKeys("not the password");
      browser.find("input[name=password]").sendKeys("a-new-password-of-mine");
      browser.find("input[name=confirm]").sendKeys("a-new-password-of-mine");
      browser.submit("#change-password button");
      assertThat(browser.find(".flash.error").getText()).contains("current password is wrong");
      browser.find("input[name=current]").sendKeys(erin.password());
      browser.find("input[name=password]").sendKeys("a-new-password-of-mine");
      browser.find("input[name=confirm]").sendKeys("a-new-password-of-mine");
      browser.submit("#change-password button");
      assertThat(browser.find(".flash").getText()).isEqualTo("Password changed.");
    }
    assertThat(accounts.authenticate(user, erin.password())).isEmpty();
    assertThat(accounts.authenticate(user, "a-new-password-of-mine")).contains(Roles.ADMIN);
  }
}
