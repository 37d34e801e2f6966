package dev.gatehouse.web.alert;

import dev.gatehouse.web.finding.FindingFilter;
import dev.gatehouse.web.http.Urls;
import jakarta.ws.rs.BadRequestException;

/** Which alerts of an organization to show; {@code open} null shows open and acknowledged alike. */
public record AlertFilter(String organization, String kind, String severity, Boolean open) {

  static AlertFilter parse(String organization, String kind, String severity, Boolean open) {
    if (organization == null || organization.isBlank()) {
      throw new BadRequestException("name the organization: ?organization=LOGIN");
    }
    return new AlertFilter(organization, kind == null || kind.isBlank() ? null : kind.trim(), FindingFilter.severity(severity),
        open);
  }

  /** The {@code open} parameter as the page receives it: {@code true}, {@code false}, or anything else for both. */
  static Boolean open(String open) {
    return "true".equals(open) ? Boolean.TRUE : "false".equals(open) ? Boolean.FALSE : null;
  }

  String pageQuery(String cursor) {
    return Urls.query().add("kind", kind).add("severity", severity).add("open", open).add("cursor", cursor).toString();
  }
}
