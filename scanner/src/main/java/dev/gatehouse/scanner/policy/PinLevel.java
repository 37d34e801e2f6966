package dev.gatehouse.scanner.policy;

import java.util.Locale;

/** How an action owner's references must be pinned. */
public enum PinLevel {
  /** A full 40-hex commit SHA. */
  HASH_PIN,
  /** Any ref (a tag is enough), but a ref there must be. */
  REF_PIN,
  /** Anything, even no ref. */
  ANY;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static PinLevel parse(String value) {
    for (PinLevel level : values()) {
      if (level.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return level;
      }
    }
    throw new IllegalArgumentException("unknown pinning level '" + value + "' (expected hash-pin, ref-pin or any)");
  }
}
