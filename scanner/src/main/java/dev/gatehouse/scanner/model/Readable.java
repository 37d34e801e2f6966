package dev.gatehouse.scanner.model;

import java.util.function.Function;

/**
 * A value read from GitHub, or the explicit fact that it could not be read (with the HTTP status
 * and the reason). Rules treat {@link Unavailable} as "not evaluated", never as a default value.
 */
public sealed interface Readable<T> permits Readable.Available, Readable.Unavailable, Readable.NotApplicable {

  record Available<T>(T value) implements Readable<T> {}

  /** GitHub refused or did not answer: unknown, shown as "not evaluated" with the reason. */
  record Unavailable<T>(int status, String reason) implements Readable<T> {}

  /** The setting does not apply here (a public repository's private-fork settings, Actions disabled). */
  record NotApplicable<T>(String reason) implements Readable<T> {}

  static <T> Readable<T> of(T value) {
    return new Available<>(value);
  }

  static <T> Readable<T> unavailable(int status, String reason) {
    return new Unavailable<>(status, reason);
  }

  static <T> Readable<T> notApplicable(String reason) {
    return new NotApplicable<>(reason);
  }

  default boolean available() {
    return this instanceof Available;
  }

  /** The value, or null when unavailable; callers must handle null as unknown. */
  default T orNull() {
    return this instanceof Available<T> a ? a.value() : null;
  }

  /**
   * The value converted; an answer {@code f} finds malformed ({@link Malformed}) becomes
   * Unavailable with the reason — a field GitHub left out must not read as its harmless default.
   */
  default <U> Readable<U> map(Function<T, U> f) {
    if (this instanceof Available<T> a) {
      try {
        return new Available<>(f.apply(a.value()));
      } catch (Malformed e) {
        return new Unavailable<>(200, e.getMessage());
      }
    }
    if (this instanceof NotApplicable<T> n) {
      return new NotApplicable<>(n.reason());
    }
    Unavailable<T> u = (Unavailable<T>) this;
    return new Unavailable<>(u.status(), u.reason());
  }

  /** Thrown by a conversion when GitHub's answer lacks what the model needs. */
  final class Malformed extends RuntimeException {
    public Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** Why the value is missing, or null when it is available. */
  default String reason() {
    if (this instanceof Unavailable<T> u) {
      return u.reason();
    }
    return this instanceof NotApplicable<T> n ? n.reason() : null;
  }
}
