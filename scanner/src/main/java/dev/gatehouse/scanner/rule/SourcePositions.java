package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Scalar;
import java.util.List;

/** Maps an offset inside a scalar's value back to a line and column of the file. */
public final class SourcePositions {

  private SourcePositions() {}

  /**
   * Position of {@code needle}, found at {@code offset} in {@code scalar}'s value. Block
   * scalars start on the line after their indicator; folded and quoted scalars may join lines,
   * so the line is confirmed by searching for the needle, falling back to the scalar's start.
   */
  public static Pos of(List<String> lines, Scalar scalar, int offset, String needle) {
    int newlines = 0;
    for (int i = 0; i < offset && i < scalar.value().length(); i++) {
      if (scalar.value().charAt(i) == '\n') {
        newlines++;
      }
    }
    int guess = scalar.pos().line() + (scalar.block() ? 1 : 0) + newlines;
    String probe = needle.length() > 80 ? needle.substring(0, 80) : needle;
    for (int line = Math.max(scalar.pos().line(), 1); line <= Math.min(lines.size(), guess + 200); line++) {
      if (line >= guess || line == scalar.pos().line()) {
        int col = lines.get(line - 1).indexOf(probe);
        if (col >= 0) {
          return new Pos(line, col + 1);
        }
      }
    }
    return scalar.pos();
  }
}
