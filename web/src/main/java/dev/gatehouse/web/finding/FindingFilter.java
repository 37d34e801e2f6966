package dev.gatehouse.web.finding;

import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.web.http.Urls;
import jakarta.ws.rs.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Which findings of an organization to show; a null field does not filter. The page and the API
 * parse their parameters into this, so both filter exactly alike.
 */
public record FindingFilter(String organization, String rule, String severity, FindingState state, String subject,
    LocalDate firstSeenFrom, LocalDate firstSeenTo, String text) {

  /** Most severe first. */
  public static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");

  /**
   * Blank parameters do not filter; malformed ones are a 400 rather than an empty result. A
   * repository may be named with or without its owner ({@code service-001} or {@code acme/service-001});
   * the organization's own login selects its settings findings.
   */
  public static FindingFilter parse(String organization, String rule, String severity, String status, String repository,
      String from, String to, String text) {
    if (blank(organization)) {
      throw new BadRequestException("name the organization: ?organization=LOGIN");
    }
    String repo = blank(repository) ? null : repository.trim();
    String subject = repo == null || repo.contains("/") || repo.equals(organization) ? repo : organization + "/" + repo;
    return new FindingFilter(organization, blank(rule) ? null : rule.trim(), severity(severity), FindingState.parse(status), subject,
        date("firstSeenFrom", from), date("firstSeenTo", to), blank(text) ? null : text.trim());
  }

  /** A severity filter (findings and alerts share the scale): null when blank, a 400 when unknown. */
  public static String severity(String value) {
    try {
      return blank(value) ? null : Severity.parse(value).id();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  public FindingFilter withSeverity(String value) {
    return new FindingFilter(organization, rule, value, state, subject, firstSeenFrom, firstSeenTo, text);
  }

  /** The status filter as the form names it. */
  public String status() {
    return state == null ? "all" : state.id();
  }

  /** The page's query string for this filter (status always explicit: the page defaults to open). */
  public String pageQuery() {
    return pageQuery(null);
  }

  public String pageQuery(String cursor) {
    return Urls.query().add("rule", rule).add("severity", severity).add("status", status()).add("repository", subject)
        .add("from", firstSeenFrom).add("to", firstSeenTo).add("q", text).add("cursor", cursor).toString();
  }

  private static LocalDate date(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + " must be an ISO date such as 2026-11-20");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
