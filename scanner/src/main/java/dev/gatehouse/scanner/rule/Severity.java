package dev.gatehouse.scanner.rule;

import java.util.Locale;

public enum Severity {
  INFO, LOW, MEDIUM, HIGH, CRITICAL;

  public Severity raised() {
    return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
  }

  public Severity lowered() {
    return this == INFO ? INFO : values()[ordinal() - 1];
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown severity '" + value + "' (expected info, low, medium, high or critical)");
    }
  }
}
