package dev.gatehouse.web.posture;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A setting compared with the policy: what the policy expects, what GitHub reported, and the
 * verdict. {@code note} says why it deviates or why it was not evaluated.
 */
public record SettingCheck(String field, String label, String expected, String actual, Status status, String note,
    Readability readability) {

  public enum Status {
    COMPLIANT("compliant"), DEVIATES("deviates"), NOT_EVALUATED("not evaluated"), NO_POLICY("no policy");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** As the API writes it: compliant, deviates, not_evaluated, no_policy. */
    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String css() {
      return id().replace('_', '-');
    }
  }
}
