package dev.gatehouse.web.notify;

import io.quarkus.test.security.TestSecurity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.web.testing.GitHubMockResource;
import dev.gatehouse.web.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service starts with no {@code gatehouse.notifications.*} key at all, the usual case, and sends nothing. */
@QuarkusTest
@TestSecurity(authMechanism = "gatehouse", user = "tester", roles = {"viewer", "admin"})
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GitHubMockResource.class)
class NotifierStartupTest {

  @Inject
  Notifier notifier;

  @Test
  void startsWithoutNotificationKeysAndHasNoTargets() {
    assertThat(notifier.targets(GitHubMockResource.ORG)).isEmpty();
    notifier.publish(GitHubMockResource.ORG, List.of(NotifierTest.alert("acme")));
  }
}
