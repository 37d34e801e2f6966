package dev.gatehouse.web.exception;

/** An exception request or expiry Gatehouse refused: the HTTP status it stands for and a message for people. */
public class ExceptionRefused extends RuntimeException {

  private final int status;

  ExceptionRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  static ExceptionRefused invalid(String message) {
    return new ExceptionRefused(400, message);
  }

  public int status() {
    return status;
  }
}
