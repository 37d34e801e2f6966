package dev.gatehouse.scanner.rule;

/**
 * Where a finding points: a file, a 1-based line and column, and a structural path such as
 * {@code jobs.build.steps[2]} that survives reformatting better than a line number.
 */
public record Location(String file, int line, int column, String path) {}
