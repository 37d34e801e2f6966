package dev.gatehouse.web.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where drift alerts are sent, per organization (docs/notifications.md). With no key set, no
 * organization has a target and nothing is sent.
 */
@ConfigMapping(prefix = "gatehouse.notifications")
public interface NotificationConfig {

  /**
   * Targets by organization login: {@code gatehouse.notifications.orgs.<login>.webhook-url=...}.
   * Logins are matched without regard to case, as GitHub does.
   */
  Map<String, OrgNotifications> orgs();

  /** Attempts per target and alert batch, the first included; later attempts follow connection errors, timeouts, 5xx and 429. */
  @WithDefault("5")
  int maxAttempts();

  /** Wait before the second attempt; each later wait doubles, with jitter, so a struggling receiver is not hammered in step. */
  @WithDefault("PT2S")
  Duration initialBackoff();

  /** Longest wait for a receiver to connect and answer, per attempt. */
  @WithDefault("PT10S")
  Duration timeout();

  /** The targets of one organization; either may be left out. */
  interface OrgNotifications {

    /** Receives a JSON document per batch of alerts; http or https. */
    Optional<URI> webhookUrl();

    /**
     * Shared secret for {@code X-Gatehouse-Signature-256}, an HMAC-SHA256 of the body, so the receiver
     * can tell Gatehouse's deliveries from forged ones. Without it, deliveries are unsigned.
     */
    Optional<String> webhookSecret();

    /** A Slack incoming-webhook URL (or a Slack-compatible one, such as Mattermost's); it is itself a secret. */
    Optional<URI> slackUrl();
  }
}
