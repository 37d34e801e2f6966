package dev.gatehouse.scanner.model;

/**
 * One workflow or action file at the scanned commit: its path, blob SHA (content identity, so it
 * is stored once) and text. {@code text} is null when it could not be read; {@code problem} says why.
 */
public record WorkflowBlob(String path, String blobSha, String text, String problem) {

  /** GitHub says the blob is binary: it has no text to audit, at this commit or on any read. */
  public static final String BINARY = "binary file";
  /** Larger than the contents API serves (1 MB): the same on every read at this commit. */
  public static final String TOO_LARGE = "file too large for the contents API";

  /**
   * Whether this is all a later read of the same commit could learn: the text, or a problem of the
   * file itself. A failed request, or stored content gone missing, may go away on the next read,
   * so such a file is read again rather than reused.
   */
  public boolean settled() {
    return text != null || BINARY.equals(problem) || TOO_LARGE.equals(problem);
  }
}
