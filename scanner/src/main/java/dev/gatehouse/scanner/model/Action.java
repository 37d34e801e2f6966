package dev.gatehouse.scanner.model;

import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code action.yml}: its inputs (with defaults), {@code runs.using} ({@code composite},
 * {@code node20}, {@code docker}, ...), and for composite actions the steps it runs.
 */
public record Action(
    String path, List<String> lines, String name, Map<String, Scalar> inputs, Scalar using,
    Scalar image, List<Step> steps) implements AuditedFile {

  public Action {
    lines = List.copyOf(lines);
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    steps = List.copyOf(steps);
  }

  public boolean composite() {
    return using != null && "composite".equalsIgnoreCase(using.value());
  }

  @Override
  public List<Step> allSteps() {
    return steps;
  }
}
