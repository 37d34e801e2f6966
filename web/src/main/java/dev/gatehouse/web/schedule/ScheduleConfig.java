package dev.gatehouse.web.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * When organizations are scanned without anyone asking. Cron expressions are Quartz-style
 * (seconds first, {@code ?} for "no specific day") and always evaluated in UTC, whatever the
 * host's time zone.
 */
@ConfigMapping(prefix = "gatehouse.schedule")
public interface ScheduleConfig {

  /** When every organization without an override is scanned; the default is 02:00 UTC each night. */
  @WithDefault("0 0 2 * * ?")
  String cron();

  /**
   * Per-organization cron overriding {@link #cron()}, keyed by login, e.g.
   * {@code gatehouse.schedule.org-cron.acme=0 30 3 * * ?}; keys match logins case-insensitively.
   */
  Map<String, String> orgCron();

  /**
   * Whether scheduled scans start. When false the jobs are still registered, so the schedule is
   * visible, but every fire is skipped; manual and API scans are unaffected.
   */
  @WithDefault("true")
  boolean enabled();

  /**
   * How often each replica looks for running scans with work left (units never started, or
   * leased by a worker that stopped and whose 5-minute lease expired) and joins them. This is how
   * a scan survives a replica dying or the database restarting.
   */
  @WithDefault("60s")
  java.time.Duration resumeInterval();
}
