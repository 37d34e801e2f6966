package dev.gatehouse.web.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class NotifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "s3cret-shared-with-the-receiver";

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> open = new ArrayList<>();

  static NotificationConfig config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(NotificationConfig.class)
        .withSources(new PropertiesConfigSource(properties, "test", 500))
        .build()
        .getConfigMapping(NotificationConfig.class);
  }

  static AlertMessage alert(String subject) {
    return new AlertMessage("acme", 42, "setting-changed", "high", subject, "read", "write",
        "default workflow token permissions widened", Instant.parse("2026-11-05T10:00:00Z"));
  }

  private Notifier notifier(Map<String, String> properties) {
    Notifier notifier = new Notifier(config(properties), waits::add, () -> 1.0);
    open.add(notifier::close);
    return notifier;
  }

  private RecordingReceiver receiver(Integer... statuses) {
    RecordingReceiver receiver = new RecordingReceiver(statuses);
    open.add(receiver);
    return receiver;
  }

  private static Delivery only(List<CompletableFuture<Delivery>> pending) throws Exception {
    assertThat(pending).hasSize(1);
    return pending.get(0).get(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void webhookCarriesTheAlertsAndASignatureTheReceiverCanVerify() throws Exception {
    RecordingReceiver receiver = receiver();
    Notifier notifier = notifier(Map.of(
        "gatehouse.notifications.orgs.acme.webhook-url", receiver.url("/hooks/gatehouse"),
        "gatehouse.notifications.orgs.acme.webhook-secret", SECRET));

    Delivery delivery = only(notifier.dispatch("acme", List.of(alert("acme"), alert("acme/service-001"))));

    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.attempts()).isEqualTo(1);
    RecordingReceiver.Received request = receiver.received().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri().getPath()).isEqualTo("/hooks/gatehouse");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(request.headers().getFirst("X-Gatehouse-Event")).isEqualTo("drift");
    assertThat(UUID.fromString(request.headers().getFirst("X-Gatehouse-Delivery"))).isNotNull();

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
    assertThat(request.headers().getFirst("X-Gatehouse-Signature-256")).isEqualTo(expected);

    JsonNode body = JSON.readTree(request.body());
    assertThat(body.get("organization").asText()).isEqualTo("acme");
    assertThat(body.get("scanId").asLong()).isEqualTo(42);
    assertThat(body.get("alerts")).hasSize(2);
    JsonNode second = body.get("alerts").get(1);
    assertThat(second.get("kind").asText()).isEqualTo("setting-changed");
    assertThat(second.get("severity").asText()).isEqualTo("high");
    assertThat(second.get("subject").asText()).isEqualTo("acme/service-001");
    assertThat(second.get("before").asText()).isEqualTo("read");
    assertThat(second.get("after").asText()).isEqualTo("write");
    assertThat(second.get("at").asText()).isEqualTo("2026-11-05T10:00:00Z");
  }

  @Test
  void webhookWithoutASecretIsUnsigned() throws Exception {
    RecordingReceiver receiver = receiver();
    Notifier notifier = notifier(Map.of("gatehouse.notifications.orgs.acme.webhook-url", receiver.url("/")));

    assertThat(only(notifier.dispatch("acme", List.of(alert("acme")))).delivered()).isTrue();
    assertThat(receiver.received().get(0).headers().containsKey("X-Gatehouse-Signature-256")).isFalse();
  }

  @Test
  void slackMessageEscapesMarkupFromGitHub() throws Exception {
    RecordingReceiver receiver = receiver();
    Notifier notifier = notifier(Map.of("gatehouse.notifications.orgs.acme.slack-url", receiver.url("/services/T0/B0/xyz")));

    String hostile = "acme/<script>alert(1)</script> & <!channel> <https://evil.example|docs>";
    assertThat(only(notifier.dispatch("acme", List.of(alert(hostile)))).delivered()).isTrue();

    RecordingReceiver.Received request = receiver.received().get(0);
    assertThat(request.headers().containsKey("X-Gatehouse-Signature-256")).isFalse();
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.get("text").asText()).isEqualTo("Gatehouse: 1 drift alert in acme");
    JsonNode blocks = body.get("blocks");
    assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
    assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("Gatehouse: 1 drift alert in acme");
    String section = blocks.get(1).get("text").get("text").asText();
    assertThat(blocks.get(1).get("text").get("type").asText()).isEqualTo("mrkdwn");
    assertThat(section).contains("acme/&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt; &lt;https://evil.example|docs&gt;");
    assertThat(section).doesNotContain("<", ">", " & ");
  }

  @Test
  void slackMessageListsTwentyAlertsAndCountsTheRest() throws Exception {
    RecordingReceiver receiver = receiver();
    Notifier notifier = notifier(Map.of("gatehouse.notifications.orgs.acme.slack-url", receiver.url("/slack")));
    List<AlertMessage> alerts = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      alerts.add(alert("acme/service-" + i));
    }

    assertThat(only(notifier.dispatch("acme", alerts)).delivered()).isTrue();

    JsonNode blocks = JSON.readTree(receiver.received().get(0).body()).get("blocks");
    assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("Gatehouse: 25 drift alerts in acme");
    assertThat(blocks).hasSize(1 + 20 + 1);
    assertThat(blocks.get(20).get("text").get("text").asText()).contains("acme/service-19");
    assertThat(blocks.get(21).get("elements").get(0).get("text").asText()).isEqualTo("and 5 more");
  }

  @Test
  void serverErrorsAreRetriedWithGrowingWaitsUntilDelivered() throws Exception {
    RecordingReceiver receiver = receiver(500, 500, 200);
    Notifier notifier = notifier(Map.of("gatehouse.notifications.orgs.acme.webhook-url", receiver.url("/")));

    Delivery delivery = only(notifier.dispatch("acme", List.of(alert("acme"))));

    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(receiver.received()).hasSize(3);
    // Every attempt of one delivery carries the same id, so the receiver can tell a repeat.
    assertThat(receiver.received().stream().map(r -> r.headers().getFirst("X-Gatehouse-Delivery")).distinct()).hasSize(1);
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void tooManyRequestsIsRetried() throws Exception {
    RecordingReceiver receiver = receiver(429);
    Notifier notifier = notifier(Map.of("gatehouse.notifications.orgs.acme.slack-url", receiver.url("/")));

    Delivery delivery = only(notifier.dispatch("acme", List.of(alert("acme"))));

    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.attempts()).isEqualTo(2);
  }

  @Test
  void clientErrorIsNotRetried() throws Exception {
    RecordingReceiver receiver = receiver(400);
    Notifier notifier = notifier(Map.of("gatehouse.notifications.orgs.acme.webhook-url", receiver.url("/")));

    Delivery delivery = only(notifier.dispatch("acme", List.of(alert("acme"))));

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.status()).isEqualTo(400);
    assertThat(receiver.received()).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void receiverDownGivesUpAfterMaxAttemptsWhilePublishHasAlreadyReturned() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Duration> taken = new CopyOnWriteArrayList<>();
    Notifier notifier = new Notifier(config(Map.of(
        "gatehouse.notifications.orgs.acme.webhook-url", "http://127.0.0.1:" + closedPort + "/hook/path-token?token=query-token",
        "gatehouse.notifications.orgs.acme.webhook-secret", SECRET,
        "gatehouse.notifications.max-attempts", "3")),
        d -> {
          taken.add(d);
          waiting.countDown();
          release.await(); // the first backoff lasts until the test has seen publish return
        },
        () -> 1.0);
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) { logged.add(record); }
      @Override public void flush() {}
      @Override public void close() {}
    };
    Logger logger = Logger.getLogger(Notifier.class.getName());
    logger.addHandler(capture);
    try {
      notifier.publish("acme", List.of(alert("acme")));
      // Reached while the delivery is held inside its first backoff: publish did not wait for it.
      assertThat(waiting.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(taken).hasSize(1);
      release.countDown();
      notifier.close(); // lets the remaining attempts run out
    } finally {
      logger.removeHandler(capture);
    }

    assertThat(taken).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    List<String> warnings = logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
        .map(NotifierTest::text).toList();
    assertThat(warnings).hasSize(3);
    assertThat(warnings.get(2)).contains("attempt 3 of 3", "giving up", "http://127.0.0.1:" + closedPort);
    assertThat(String.join("\n", warnings)).doesNotContain(SECRET, "path-token", "query-token");
  }

  private static String text(LogRecord record) {
    return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : new SimpleFormatter().formatMessage(record);
  }

  @Test
  void organizationWithoutTargetsGetsNothing() throws Exception {
    RecordingReceiver receiver = receiver();
    Notifier notifier = notifier(Map.of("gatehouse.notifications.orgs.other.webhook-url", receiver.url("/")));

    assertThat(notifier.dispatch("acme", List.of(alert("acme")))).isEmpty();
    assertThat(only(notifier.dispatch("other", List.of(alert("other"))))).extracting(Delivery::delivered).isEqualTo(true);
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void waitsDoubleWithJitterAndAreCapped() {
    NotificationConfig config = config(Map.of());
    assertThat(new Notifier(config, d -> {}, () -> 0.0).backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(new Notifier(config, d -> {}, () -> 0.0).backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(new Notifier(config, d -> {}, () -> 1.0).backoff(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(new Notifier(config, d -> {}, () -> 1.0).backoff(40)).isEqualTo(Duration.ofMinutes(5));
  }
}
