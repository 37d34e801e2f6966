package dev.gatehouse.web.notify;

import static dev.gatehouse.web.notify.NotifierTest.config;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationConfigTest {

  @Test
  void withoutAnyKeyNoOrganizationHasTargets() {
    NotificationConfig config = config(Map.of());

    assertThat(config.orgs()).isEmpty();
    assertThat(config.maxAttempts()).isEqualTo(5);
    assertThat(config.initialBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
    Notifier notifier = new Notifier(config);
    try {
      assertThat(notifier.targets("acme")).isEmpty();
    } finally {
      notifier.close();
    }
  }

  @Test
  void targetsAreReadPerOrganizationWhateverTheCaseOfTheLogin() {
    Notifier notifier = new Notifier(config(Map.of(
        "gatehouse.notifications.orgs.Acme.webhook-url", "https://hooks.example.com/gatehouse",
        "gatehouse.notifications.orgs.Acme.webhook-secret", "s3cret",
        "gatehouse.notifications.orgs.Acme.slack-url", "https://hooks.slack.com/services/T0/B0/xyz",
        "gatehouse.notifications.orgs.beta.slack-url", "https://hooks.slack.com/services/T1/B1/abc")));
    try {
      assertThat(notifier.targets("acme")).containsExactly(
          new Target(Target.Kind.WEBHOOK, URI.create("https://hooks.example.com/gatehouse"), Optional.of("s3cret")),
          new Target(Target.Kind.SLACK, URI.create("https://hooks.slack.com/services/T0/B0/xyz"), Optional.empty()));
      assertThat(notifier.targets("beta")).extracting(Target::kind).containsExactly(Target.Kind.SLACK);
      assertThat(notifier.targets("beta").get(0).toString()).isEqualTo("slack https://hooks.slack.com/…");
    } finally {
      notifier.close();
    }
  }
}
