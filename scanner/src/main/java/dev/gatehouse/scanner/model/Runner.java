package dev.gatehouse.scanner.model;

import java.util.List;

/** A self-hosted runner registration; {@code groupId} is null for repository runners or when unknown. */
public record Runner(long id, String name, String os, String status, boolean busy, boolean ephemeral,
    String version, List<String> labels, Long groupId) {
  public Runner {
    labels = List.copyOf(labels);
  }
}
