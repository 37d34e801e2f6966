package dev.gatehouse.scanner.rule;

import java.util.Locale;

public enum Confidence {
  LOW, MEDIUM, HIGH;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
