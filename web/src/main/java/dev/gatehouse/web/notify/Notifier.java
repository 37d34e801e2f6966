package dev.gatehouse.web.notify;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * Sends drift alerts to each organization's webhook and Slack targets. Delivery runs on the
 * notifier's own threads and is retried there, so a slow or broken receiver never holds up or fails
 * the scan that raised the alerts; a failed delivery is logged and dropped.
 */
@ApplicationScoped
public class Notifier {

  /** How the wait between attempts is spent; tests record the waits instead of taking them. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Logger LOG = Logger.getLogger(Notifier.class);
  private static final int THREADS = 2;
  private static final int QUEUE = 256;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final NotificationConfig config;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final HttpClient http;
  private final ThreadPoolExecutor executor;

  @Inject
  public Notifier(NotificationConfig config) {
    this(config, d -> Thread.sleep(d.toMillis()), () -> ThreadLocalRandom.current().nextDouble());
  }

  /** @param jitter values in [0, 1); each wait is between half and all of its exponential step */
  Notifier(NotificationConfig config, Sleeper sleeper, DoubleSupplier jitter) {
    this.config = config;
    this.sleeper = sleeper;
    this.jitter = jitter;
    AtomicInteger count = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread t = new Thread(r, "gatehouse-notify-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.executor.allowCoreThreadTimeOut(true);
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Queues the alerts for every target of {@code org} and returns at once; never throws. */
  public void publish(String org, List<AlertMessage> alerts) {
    dispatch(org, alerts);
  }

  /** As {@link #publish}, with one future per target that completes when its delivery ends. */
  List<CompletableFuture<Delivery>> dispatch(String org, List<AlertMessage> alerts) {
    List<CompletableFuture<Delivery>> pending = new ArrayList<>();
    try {
      if (org == null || alerts == null || alerts.isEmpty()) {
        return pending;
      }
      List<AlertMessage> batch = List.copyOf(alerts);
      for (Target target : targets(org)) {
        try {
          pending.add(CompletableFuture.supplyAsync(() -> deliver(org, target, batch), executor));
        } catch (RejectedExecutionException e) {
          LOG.warnf("Notification of %d alert(s) for %s to %s dropped: the notification queue is full or closed", batch.size(), org, target);
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("Notification of alerts for %s could not be queued: %s", org, e.toString());
    }
    return pending;
  }

  List<Target> targets(String org) {
    Optional<NotificationConfig.OrgNotifications> found = config.orgs().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(org))
        .map(Map.Entry::getValue)
        .findFirst();
    List<Target> targets = new ArrayList<>();
    found.ifPresent(o -> {
      o.webhookUrl().ifPresent(url -> targets.add(new Target(Target.Kind.WEBHOOK, url, o.webhookSecret())));
      o.slackUrl().ifPresent(url -> targets.add(new Target(Target.Kind.SLACK, url, Optional.empty())));
    });
    return targets;
  }

  private Delivery deliver(String org, Target target, List<AlertMessage> alerts) {
    HttpRequest request;
    try {
      request = request(org, target, alerts);
    } catch (RuntimeException e) {
      LOG.warnf("Notification for %s to %s not sent: %s", org, target, e.getClass().getSimpleName());
      return new Delivery(target.kind(), false, 0, 0);
    }
    int max = Math.max(1, config.maxAttempts());
    for (int attempt = 1; ; attempt++) {
      int status = 0;
      boolean retryable;
      String failure;
      try {
        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 200 && status < 300) {
          return new Delivery(target.kind(), true, attempt, status);
        }
        retryable = status >= 500 || status == 429;
        failure = "HTTP " + status;
      } catch (IOException e) {
        retryable = true; // connection refused or reset, timeout
        failure = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return abandoned(org, target, attempt, status);
      }
      boolean last = !retryable || attempt >= max;
      LOG.warnf("Notification for %s to %s failed, attempt %d of %d: %s%s", org, target, attempt, max, failure,
          last ? (retryable ? "; giving up" : "; not retried") : "; retrying");
      if (last) {
        return new Delivery(target.kind(), false, attempt, status);
      }
      try {
        sleeper.sleep(backoff(attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return abandoned(org, target, attempt, status);
      }
    }
  }

  private Delivery abandoned(String org, Target target, int attempts, int status) {
    LOG.warnf("Notification for %s to %s abandoned at shutdown after %d attempt(s)", org, target, attempts);
    return new Delivery(target.kind(), false, attempts, status);
  }

  private HttpRequest request(String org, Target target, List<AlertMessage> alerts) {
    byte[] body = target.kind() == Target.Kind.SLACK ? SlackPayload.body(org, alerts) : WebhookPayload.body(org, alerts);
    HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "Gatehouse")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (target.kind() == Target.Kind.WEBHOOK) {
      // One id for every attempt of a delivery, so a receiver can drop the repeat of one it already handled.
      request.header("X-Gatehouse-Event", "drift")
          .header("X-Gatehouse-Delivery", UUID.randomUUID().toString());
      target.secret().filter(s -> !s.isEmpty())
          .ifPresent(s -> request.header(WebhookPayload.SIGNATURE_HEADER, WebhookPayload.signature(s, body)));
    }
    return request.build();
  }

  /** Wait after failed attempt {@code attempt}: initial × 2^(attempt−1), then between half and all of it. */
  Duration backoff(int attempt) {
    long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    return Duration.ofMillis((long) (capped * (0.5 + 0.5 * jitter.getAsDouble())));
  }

  /** Lets queued and retrying deliveries finish for a few seconds, then interrupts them. */
  @PreDestroy
  void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
