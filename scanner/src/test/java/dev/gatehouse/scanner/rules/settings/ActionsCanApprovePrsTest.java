package dev.gatehouse.scanner.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.SettingsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsCanApprovePrsTest {

  private final ActionsCanApprovePrs rule = new ActionsCanApprovePrs();

  @Test
  void fixtures() {
    SettingsHarness.verify(rule);
  }

  @Test
  void severitiesAndReasons() {
    List<Finding> findings = SettingsHarness.run(rule, "positive-org-and-repos.yml");
    assertThat(findings).filteredOn(f -> f.severity() == Severity.HIGH).hasSize(2)
        .allSatisfy(f -> assertThat(f.message()).contains("can_approve_pull_request_reviews: true", "the policy expects false"));
    assertThat(findings).filteredOn(f -> f.severity() == Severity.LOW).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("acme/old-blog", "archived"));
  }
}
