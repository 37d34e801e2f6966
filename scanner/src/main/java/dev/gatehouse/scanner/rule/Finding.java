package dev.gatehouse.scanner.rule;

import java.util.List;

/**
 * One result. {@code fingerprint} identifies the same problem across scans: it hashes the rule,
 * repository, file, a structural key and normalised evidence, never a line number.
 * {@code suppression} is null for a finding that counts.
 */
public record Finding(
    String ruleId, Severity severity, Confidence confidence, String message, Location location,
    List<Location> related, String fingerprint, Suppression suppression) {

  public Finding {
    related = List.copyOf(related);
  }

  public boolean suppressed() {
    return suppression != null;
  }

  public Finding withSuppression(Suppression s) {
    return new Finding(ruleId, severity, confidence, message, location, related, fingerprint, s);
  }

  public Finding withSeverity(Severity s, String note) {
    return new Finding(ruleId, s, confidence, note == null ? message : message + " (" + note + ")",
        location, related, fingerprint, suppression);
  }
}
