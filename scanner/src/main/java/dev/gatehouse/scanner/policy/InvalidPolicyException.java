package dev.gatehouse.scanner.policy;

/** The policy file is wrong; the message names the key and what was expected. */
public final class InvalidPolicyException extends RuntimeException {
  public InvalidPolicyException(String message) {
    super(message);
  }
}
