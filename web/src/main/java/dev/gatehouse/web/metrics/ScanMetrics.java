package dev.gatehouse.web.metrics;

import dev.gatehouse.web.github.GitHubTarget;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics at {@code /q/metrics} on the management port: scans by outcome and their duration, GitHub requests
 * and rate-limit points spent, the rate limit GitHub last reported, and open findings by
 * severity after each scan.
 */
@ApplicationScoped
public class ScanMetrics {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> openFindings = new ConcurrentHashMap<>();

  ScanMetrics(MeterRegistry registry, GitHubTarget target) {
    this.registry = registry;
    Gauge.builder("gatehouse_github_rate_limit_remaining", target, t -> {
          var window = t.client().budget().window("core");
          return window == null ? Double.NaN : window.remaining();
        })
        .description("Core REST rate-limit points GitHub last reported as remaining")
        .register(registry);
  }

  public void scanFinished(String org, String status, Duration duration) {
    registry.counter("gatehouse_scans_total", Tags.of("organization", org, "status", status)).increment();
    registry.timer("gatehouse_scan_duration", Tags.of("organization", org)).record(duration);
  }

  public void githubUsage(String org, long requests, long points) {
    registry.counter("gatehouse_github_requests_total", Tags.of("organization", org)).increment(requests);
    registry.counter("gatehouse_github_rate_limit_points_total", Tags.of("organization", org)).increment(points);
  }

  /** Open, unsuppressed findings of the organization by severity, as of its last closed scan. */
  public void openFindings(String org, Map<String, Long> bySeverity) {
    for (String severity : new String[] {"info", "low", "medium", "high", "critical"}) {
      AtomicLong value = openFindings.computeIfAbsent(org + "|" + severity, k -> {
        AtomicLong v = new AtomicLong();
        Gauge.builder("gatehouse_findings_open", v, AtomicLong::get).tags("organization", org, "severity", severity)
            .description("Open, unsuppressed findings by severity after the last scan").register(registry);
        return v;
      });
      value.set(bySeverity.getOrDefault(severity, 0L));
    }
  }
}
