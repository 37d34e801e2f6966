package dev.gatehouse.scanner.model;

/**
 * A scalar value with where it was written. {@code block} is true for literal ({@code |}) and
 * folded ({@code >}) block scalars, whose trailing newline changes how GitHub evaluates an
 * {@code if:}.
 */
public record Scalar(String value, Pos pos, boolean block) {

  public static Scalar of(String value, Pos pos) {
    return new Scalar(value, pos, false);
  }

  public boolean containsExpression() {
    return value.contains("${{");
  }
}
