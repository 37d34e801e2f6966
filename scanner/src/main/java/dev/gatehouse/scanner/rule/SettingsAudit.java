package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.policy.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs settings and runner rules over one organization's scan and applies the policy's severity
 * overrides and exceptions (matched on rule and subject). A rule that fails becomes a finding.
 */
public final class SettingsAudit {

  private final List<SettingsRule> rules;
  private final Policy policy;

  public SettingsAudit(List<SettingsRule> rules, Policy policy) {
    this.rules = List.copyOf(rules);
    this.policy = policy;
  }

  public static SettingsAudit withAllRules(Policy policy) {
    return new SettingsAudit(RuleRegistry.settingsRules(), policy);
  }

  public List<Finding> audit(OrgScan scan) {
    List<Finding> raw = new ArrayList<>();
    for (SettingsRule rule : rules) {
      RuleInfo info = rule.info();
      try {
        rule.check(new SettingsContext(scan, policy, info, raw::add));
      } catch (RuntimeException e) {
        raw.add(new Finding(info.id(), Severity.INFO, Confidence.HIGH,
            "not evaluated: rule " + info.id() + " failed (" + e.getClass().getSimpleName() + ")",
            new Location("/orgs/" + scan.org().login(), 0, 0, ""), List.of(),
            Fingerprints.of(info.id(), scan.org().login(), "rule-failure", "", ""), null));
      }
    }
    List<Finding> out = new ArrayList<>();
    java.util.Set<String> repositories = repositoryNames(scan);
    for (Finding f : raw) {
      Severity override = policy.severityOverrides().get(f.ruleId());
      Finding g = override != null && override != f.severity() ? f.withSeverity(override, "severity set by policy") : f;
      String subject = subjectOf(g.location().file(), scan.org().login(), repositories);
      for (var e : policy.exceptions()) {
        if (!e.expiredOn(scan.at().atZone(java.time.ZoneOffset.UTC).toLocalDate())
            && e.matches(g.ruleId(), subject, g.location().file(), null)) {
          g = g.withSuppression(new Suppression(Suppression.Kind.EXCEPTION, e.reason(), e.owner(), e.expires()));
          break;
        }
      }
      out.add(g);
    }
    out.sort(Comparator.comparing((Finding f) -> f.location().file()).thenComparing(f -> f.location().path())
        .thenComparing(Finding::ruleId).thenComparing(Finding::fingerprint));
    return out;
  }

  /** The full names of the organization's repositories, for {@link #subjectOf(String, String, java.util.Set)}. */
  public static java.util.Set<String> repositoryNames(OrgScan scan) {
    java.util.Set<String> names = new java.util.HashSet<>();
    scan.org().repositories().forEach(r -> names.add(r.fullName()));
    return names;
  }

  /**
   * As {@link #subjectOf(String, String)}, matching the longest listed repository the path starts
   * with: GitHub's names have no {@code /}, but a name from a hostile or broken server may, and
   * must not move a repository's findings to a subject that exists nowhere.
   */
  public static String subjectOf(String resource, String org, java.util.Set<String> repositories) {
    if (resource.startsWith("/repos/")) {
      String rest = resource.substring("/repos/".length());
      for (int end = rest.length(); end > 0; end = rest.lastIndexOf('/', end - 1)) {
        if (repositories.contains(rest.substring(0, end))) {
          return rest.substring(0, end);
        }
      }
    }
    return subjectOf(resource, org);
  }

  /** {@code /repos/owner/name/...} belongs to {@code owner/name}; anything else to the organization. */
  public static String subjectOf(String resource, String org) {
    if (resource.startsWith("/repos/")) {
      String[] parts = resource.split("/");
      return parts.length > 3 ? parts[2] + "/" + parts[3] : org;
    }
    return org;
  }
}
