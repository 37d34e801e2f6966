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

  /** The page's state parameter: {@code open}, {@code acknowledged}, or anything else for both. */
  static Boolean open(String state) {
    return "open".equals(state) ? Boolean.TRUE : "acknowledged".equals(state) ? Boolean.FALSE : null;
  }

  public String state() {
    return open == null ? "all" : open ? "open" : "acknowledged";
  }

  String pageQuery(String cursor) {
    return Urls.query().add("kind", kind).add("severity", severity).add("state", open == null ? null : state())
        .add("cursor", cursor).toString();
  }
}
