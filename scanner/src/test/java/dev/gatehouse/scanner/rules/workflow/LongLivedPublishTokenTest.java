package dev.gatehouse.scanner.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongLivedPublishTokenTest {

  private final LongLivedPublishToken rule = new LongLivedPublishToken();

  @Test
  void fixtures() {
    RuleHarness.verify(rule);
  }

  @Test
  void messagesNameTheTokenAndTheTrustedPublishingFix() {
    List<Finding> findings = RuleHarness.run(rule, "positive-npm.yml");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(findings).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("NODE_AUTH_TOKEN from secrets.NPM_TOKEN", "npm trusted publishing"))
        .anySatisfy(m -> assertThat(m).contains("stored by step 'echo \"//registry.npmjs.org/:_authToken="))
        .anySatisfy(m -> assertThat(m).contains("NPM_TOKEN from secrets.NPM_TOKEN"));
  }

  @Test
  void aTokenHandedToAnUnseenCommandIsMediumConfidence() {
    List<Finding> findings = RuleHarness.run(rule, "positive-other-registries.yml");
    assertThat(findings).filteredOn(f -> f.confidence() == Confidence.MEDIUM).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("step 'Publish crates' hands CARGO_REGISTRY_TOKEN"));
    assertThat(findings).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("GEM_HOST_API_KEY from secrets.RUBYGEMS_API_KEY", "rubygems/release-gem"))
        .anySatisfy(m -> assertThat(m).contains("NuGet push", "secrets.NUGET_API_KEY"));
  }
}
