package dev.gatehouse.scanner.collect;

/** GitHub could not be read; the message is safe to show (it never contains credentials). */
public class GitHubReadException extends RuntimeException {

  private final int status;

  public GitHubReadException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** HTTP status GitHub answered with, or -1 when no answer came (timeout, connection error). */
  public int status() {
    return status;
  }
}
