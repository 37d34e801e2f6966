package dev.gatehouse.scanner.parse;

import dev.gatehouse.scanner.model.Pos;

/** Why a file could not be read as a workflow or action, and where. */
public final class ParseFailure extends Exception {

  private final Pos pos;

  public ParseFailure(String message, Pos pos) {
    super(message, null, false, false);
    this.pos = pos == null ? Pos.START : pos;
  }

  public Pos pos() {
    return pos;
  }
}
