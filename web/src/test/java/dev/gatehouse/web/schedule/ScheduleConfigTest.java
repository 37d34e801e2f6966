package dev.gatehouse.web.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleConfigTest {

  private static ScheduleConfig config(String cron, Map<String, String> overrides) {
    return new ScheduleConfig() {
      @Override
      public String cron() {
        return cron;
      }

      @Override
      public Map<String, String> orgCron() {
        return overrides;
      }

      @Override
      public boolean enabled() {
        return true;
      }

      @Override
      public java.time.Duration resumeInterval() {
        return java.time.Duration.ofMinutes(1);
      }
    };
  }

  @Test
  void perOrganizationOverrideWinsOverTheDefault() {
    ScheduleConfig config = config("0 0 2 * * ?", Map.of("acme", "0 30 3 * * ?"));
    assertThat(ScheduledOrg.plan(config, List.of("acme", "globex"))).containsExactly(
        new ScheduledOrg("acme", "0 30 3 * * ?"),
        new ScheduledOrg("globex", "0 0 2 * * ?"));
  }

  @Test
  void overrideKeysMatchLoginsCaseInsensitivelyAsGitHubDoes() {
    ScheduleConfig config = config("0 0 2 * * ?", Map.of("acme-corp", "0 15 1 * * ?"));
    assertThat(ScheduledOrg.plan(config, List.of("Acme-Corp"))).containsExactly(new ScheduledOrg("Acme-Corp", "0 15 1 * * ?"));
    assertThat(ScheduledOrg.unmatchedOverrides(config, List.of("Acme-Corp"))).isEmpty();
  }

  @Test
  void overrideForAnUnconfiguredOrganizationIsReportedNotScheduled() {
    ScheduleConfig config = config("0 0 2 * * ?", Map.of("acmee", "0 30 3 * * ?"));
    assertThat(ScheduledOrg.plan(config, List.of("acme"))).containsExactly(new ScheduledOrg("acme", "0 0 2 * * ?"));
    assertThat(ScheduledOrg.unmatchedOverrides(config, List.of("acme"))).containsExactly("acmee");
  }

  @Test
  void lockKeyDiffersPerOrganizationAndSlotButNotByLoginCase() {
    java.time.Instant two = java.time.Instant.parse("2026-01-10T02:00:00Z");
    assertThat(NightlyScans.lockKey("acme", two)).isEqualTo(NightlyScans.lockKey("ACME", two));
    assertThat(NightlyScans.lockKey("acme", two)).isNotEqualTo(NightlyScans.lockKey("globex", two));
    assertThat(NightlyScans.lockKey("acme", two)).isNotEqualTo(NightlyScans.lockKey("acme", two.plusSeconds(86_400)));
  }
}
