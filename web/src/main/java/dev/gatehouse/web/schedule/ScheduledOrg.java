package dev.gatehouse.web.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One organization and the cron it is scanned on. */
record ScheduledOrg(String organization, String cron) {

  /**
   * The scan plan for {@code organizations}: each gets its override from
   * {@code gatehouse.schedule.org-cron} (exact login first, then case-insensitively, as GitHub
   * treats logins) or the default cron.
   */
  static List<ScheduledOrg> plan(ScheduleConfig config, List<String> organizations) {
    List<ScheduledOrg> plan = new ArrayList<>();
    for (String org : organizations) {
      plan.add(new ScheduledOrg(org, override(config.orgCron(), org).orElse(config.cron())));
    }
    return plan;
  }

  /** Override keys that name no configured organization: most likely a typo worth a warning. */
  static List<String> unmatchedOverrides(ScheduleConfig config, List<String> organizations) {
    return config.orgCron().keySet().stream()
        .filter(key -> organizations.stream().noneMatch(org -> org.equalsIgnoreCase(key)))
        .sorted().toList();
  }

  private static Optional<String> override(Map<String, String> overrides, String org) {
    String exact = overrides.get(org);
    if (exact != null) {
      return Optional.of(exact);
    }
    return overrides.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(org)).map(Map.Entry::getValue).findFirst();
  }
}
