package dev.gatehouse.scanner.model;

/** A 1-based line and column in a source file. */
public record Pos(int line, int column) {
  public static final Pos START = new Pos(1, 1);
}
