package dev.gatehouse.scanner.policy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An accepted risk: a rule waived in a scope (repository, file path, job; each a glob, null for
 * any) with a reason, an owner and an expiry date after which it stops applying.
 */
public record RuleException(String rule, String repo, String path, String job, String reason, String owner, LocalDate expires) {

  public boolean expiredOn(LocalDate day) {
    return expires != null && day.isAfter(expires);
  }

  public boolean matches(String ruleId, String repository, String file, String jobId) {
    return rule.equals(ruleId)
        && glob(repo, repository)
        && glob(path, file)
        && glob(job, jobId);
  }

  private static boolean glob(String pattern, String value) {
    if (pattern == null || pattern.equals("*")) {
      return true;
    }
    if (value == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
      regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.matches(regex.toString(), value.toLowerCase(Locale.ROOT));
  }
}
