package dev.gatehouse.web.exception;

/**
 * A request to grant an exception, from the form or the API, as submitted (so a refused form is
 * shown again as it was typed). {@code expires} is an ISO date, {@code file} optional.
 */
public record ExceptionRequest(String organization, String rule, String repository, String file, String owner, String reason,
    String expires) {

  public static ExceptionRequest empty(String organization) {
    return new ExceptionRequest(organization, null, null, null, null, null, null);
  }
}
