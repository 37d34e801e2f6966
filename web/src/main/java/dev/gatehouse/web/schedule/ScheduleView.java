package dev.gatehouse.web.schedule;

import java.time.Instant;

/**
 * An organization's scheduled scan as the API and dashboard show it. {@code nextRunAt} is the
 * scheduler's next fire time (UTC); {@code enabled} is false when fires are skipped by config.
 */
public record ScheduleView(String organization, String cron, Instant nextRunAt, boolean enabled) {}
