package dev.gatehouse.scanner.policy;

import dev.gatehouse.scanner.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The team's policy (../docs/policy.md): pinning levels per action pattern, labels that mark
 * self-hosted runners, severity overrides per rule, exceptions, and the desired settings posture.
 */
public record Policy(
    PinningPolicy pinning, Set<String> selfHostedLabels, Map<String, Severity> severityOverrides,
    List<RuleException> exceptions, Posture posture) {

  public Policy {
    selfHostedLabels = Set.copyOf(selfHostedLabels);
    severityOverrides = Map.copyOf(severityOverrides);
    exceptions = List.copyOf(exceptions);
  }

  /** The strict default: every action SHA-pinned, settings locked down, no exceptions. */
  public static Policy strict() {
    return new Policy(new PinningPolicy(Map.of("*", PinLevel.HASH_PIN)), Set.of(), Map.of(), List.of(), Posture.strict());
  }
}
