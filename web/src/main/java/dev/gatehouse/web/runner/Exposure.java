package dev.gatehouse.web.runner;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.qute.TemplateData;

/**
 * Whether public repositories (and so fork pull requests) can send jobs to a runner or group.
 * {@link #UNKNOWN} when the answer depends on something GitHub did not let us read: a
 * {@code selected} group's repositories, or the groups themselves. Unknown is never shown as safe.
 */
@TemplateData
public enum Exposure {
  EXPOSED("exposed"), NOT_EXPOSED("not-exposed"), UNKNOWN("unknown");

  private final String id;

  Exposure(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  public boolean exposed() {
    return this == EXPOSED;
  }

  public boolean unknown() {
    return this == UNKNOWN;
  }
}
