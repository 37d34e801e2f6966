package dev.gatehouse.web.inventory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the organization's settings let an action run; declared from least to most worrying. */
public enum AllowlistStatus {
  ALL_ALLOWED("all allowed"), ALLOWED("allowed"), NOT_EVALUATED("not evaluated"), BLOCKED("blocked");

  private final String label;

  AllowlistStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String css() {
    return id().replace('_', '-');
  }

  static AllowlistStatus worse(AllowlistStatus a, AllowlistStatus b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
