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

  default <U> Readable<U> map(Function<T, U> f) {
    if (this instanceof Available<T> a) {
      return new Available<>(f.apply(a.value()));
    }
    if (this instanceof NotApplicable<T> n) {
      return new NotApplicable<>(n.reason());
    }
    Unavailable<T> u = (Unavailable<T>) this;
    return new Unavailable<>(u.status(), u.reason());
  }

  /** Why the value is missing, or null when it is available. */
  default String reason() {
    if (this instanceof Unavailable<T> u) {
      return u.reason();
    }
    return this instanceof NotApplicable<T> n ? n.reason() : null;
  }
}
