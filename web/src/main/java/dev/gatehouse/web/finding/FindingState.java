package dev.gatehouse.web.finding;

import jakarta.ws.rs.BadRequestException;
import java.util.Locale;

/**
 * What a reviewer needs to know about a finding: open (and nobody waived it), fixed, suppressed by
 * a comment in the repository itself, or excepted centrally by a policy exception.
 */
public enum FindingState {
  OPEN("f.status = 'open' and f.suppression_kind is null"),
  FIXED("f.status = 'fixed'"),
  SUPPRESSED("f.status = 'open' and f.suppression_kind in ('inline', 'inline_zizmor')"),
  EXCEPTED("f.status = 'open' and f.suppression_kind = 'exception'");

  /** Constant SQL over {@code finding f}. */
  final String sql;

  FindingState(String sql) {
    this.sql = sql;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static FindingState of(String status, String suppressionKind) {
    if (FindingEntity.FIXED.equals(status)) {
      return FIXED;
    }
    if (suppressionKind == null) {
      return OPEN;
    }
    return "exception".equals(suppressionKind) ? EXCEPTED : SUPPRESSED;
  }

  /** A status filter: null (or {@code all}) for every state. */
  static FindingState parse(String value) {
    if (value == null || value.isBlank() || "all".equalsIgnoreCase(value)) {
      return null;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("status must be open, fixed, suppressed, excepted or all");
    }
  }
}
