package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a maintainer must act before a job runs for an outsider: an environment with required
 * reviewers, an {@code author_association} check, a maintainer-applied label, or a condition
 * that excludes forks altogether. Conditions are read as {@code ||} of {@code &&} terms: a gate
 * counts only when every alternative a fork can take passes through one, and negated checks
 * ({@code !contains(labels, 'skip')}, {@code author_association != 'NONE'}) are not gates.
 */
public final class Gates {

  private static final Pattern ASSOCIATION = Pattern.compile(
      "author_association[^\\n]*(OWNER|MEMBER|COLLABORATOR)|(OWNER|MEMBER|COLLABORATOR)[^\\n]*author_association",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL = Pattern.compile("github\\.event\\.label\\.name|labels\\.\\*\\.name|labels\\[", Pattern.CASE_INSENSITIVE);
  private static final Pattern SAME_REPO = Pattern.compile(
      "head\\.repo\\.full_name\\s*==\\s*github\\.repository|github\\.repository\\s*==\\s*github\\.event\\.pull_request\\.head\\.repo\\.full_name"
          + "|head_repository\\.full_name\\s*==\\s*github\\.repository|head\\.repo\\.fork\\s*==\\s*false|^!\\s*github\\.event\\.pull_request\\.head\\.repo\\.fork$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern EVENT_NAME = Pattern.compile("^github\\.event_name\\s*==\\s*'([a-z_]+)'$");

  private Gates() {}

  /** Why outsiders cannot run {@code job} without a maintainer, or null when nothing gates it. */
  public static String gate(Job job, RepoContext repo) {
    Scalar environment = job.environment();
    if (environment != null && !environment.value().isBlank()) {
      Map<String, Boolean> reviewers = repo.environmentsWithReviewers().orElse(Map.of());
      if (Boolean.TRUE.equals(reviewers.get(environment.value().strip()))) {
        return "the job needs approval through environment '" + environment.value().strip() + "'";
      }
    }
    if (job.condition() == null) {
      return null;
    }
    String reason = null;
    boolean anyOpen = false;
    for (String alternative : split(strip(job.condition().value()), "||")) {
      if (excluded(alternative)) {
        continue;
      }
      anyOpen = true;
      String gate = gateIn(alternative);
      if (gate == null) {
        return null;
      }
      reason = reason == null ? gate : reason;
    }
    return anyOpen ? reason : "the job's condition excludes pull requests from forks";
  }

  /**
   * A note for a job that names an environment whose protection is unknown (no environment data,
   * as in a local audit): it may require reviewers, but nothing here shows it, so no severity
   * is lowered for it. Null when there is nothing to say.
   */
  public static String unverifiedEnvironment(Job job, RepoContext repo) {
    Scalar environment = job.environment();
    if (environment == null || environment.value().isBlank() || repo.environmentsWithReviewers().isPresent()) {
      return null;
    }
    return "job uses environment '" + environment.value().strip()
        + "', whose required reviewers could not be checked; if it has some, a maintainer approves each run";
  }

  /** Fork PRs cannot reach the job at all (as opposed to needing approval). */
  public static boolean excludesForks(Job job) {
    return job.condition() != null && excluded(strip(job.condition().value()));
  }

  private static String gateIn(String alternative) {
    for (String term : split(strip(alternative), "&&")) {
      String t = strip(term);
      if (t.startsWith("!") || t.contains("!=")) {
        continue;
      }
      if (ASSOCIATION.matcher(t).find()) {
        return "the job is gated on the author's association (OWNER/MEMBER/COLLABORATOR)";
      }
      if (LABEL.matcher(t).find()) {
        return "the job is gated on a maintainer-applied label";
      }
    }
    return null;
  }

  private static boolean excluded(String condition) {
    List<String> any = split(condition, "||");
    if (any.size() > 1) {
      return any.stream().allMatch(d -> excluded(strip(d)));
    }
    for (String term : split(condition, "&&")) {
      String t = strip(term);
      Matcher event = EVENT_NAME.matcher(t);
      if (event.find() && !Triggers.PRIVILEGED.contains(event.group(1)) && !event.group(1).startsWith("pull_request")) {
        return true; // this alternative runs only for an event a fork cannot start
      }
      if (SAME_REPO.matcher(t).find()) {
        return true;
      }
    }
    return false;
  }

  /** Removes {@code ${{ }}} and parentheses around the whole expression. */
  static String strip(String condition) {
    String c = condition.strip();
    if (c.startsWith("${{") && c.endsWith("}}")) {
      c = c.substring(3, c.length() - 2).strip();
    }
    while (c.startsWith("(") && c.endsWith(")") && enclosed(c)) {
      c = c.substring(1, c.length() - 1).strip();
    }
    return c;
  }

  private static boolean enclosed(String c) {
    int depth = 0;
    for (int i = 0; i < c.length() - 1; i++) {
      depth += c.charAt(i) == '(' ? 1 : c.charAt(i) == ')' ? -1 : 0;
      if (depth == 0) {
        return false;
      }
    }
    return true;
  }

  /** Splits at {@code op} outside parentheses and quotes. */
  static List<String> split(String c, String op) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    boolean quoted = false;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c.startsWith(op, i)) {
        parts.add(c.substring(from, i));
        from = i + op.length();
        i += op.length() - 1;
      }
    }
    parts.add(c.substring(from));
    return parts;
  }
}
