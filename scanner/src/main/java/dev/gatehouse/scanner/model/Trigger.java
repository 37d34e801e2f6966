package dev.gatehouse.scanner.model;

import java.util.List;
import java.util.Map;

/** One event under {@code on:} with its filters ({@code branches}, {@code paths}, ...) and {@code types}. */
public record Trigger(String event, Pos pos, List<String> types, Map<String, List<String>> filters) {

  public Trigger {
    types = List.copyOf(types);
    filters = Map.copyOf(filters);
  }
}
