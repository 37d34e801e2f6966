package dev.gatehouse.web.posture;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.policy.Posture;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Actions setting the policy's posture speaks to: GitHub's field name, how to read it from an
 * organization's or repository's settings, what the policy expects, and how a value is judged.
 *
 * @param orgOnly the setting exists at organization level only, so repositories cannot override it
 */
record Setting(String field, String label, boolean orgOnly, Function<SettingsSource, Readable<String>> read,
    Function<Posture, String> expected, Judge judge) {

  /** Why {@code actual} falls short of {@code expected}, or null when it satisfies it. */
  @FunctionalInterface
  interface Judge {
    String deviation(String actual, String expected, SettingsSource source, Posture posture);
  }

  /**
   * Values ordered narrowest first: a value no wider than the expected one satisfies it, so a
   * stricter setting than the policy asks for is compliant. Values outside the order must be equal.
   */
  static Judge atMost(String... narrowestFirst) {
    List<String> order = List.of(narrowestFirst);
    return (actual, expected, source, posture) -> {
      int a = order.indexOf(actual);
      int e = order.indexOf(expected);
      if (a < 0 || e < 0) {
        return actual.equals(expected) ? null : "differs from the policy";
      }
      return a <= e ? null : "wider than the policy allows";
    };
  }

  static Judge equal() {
    return (actual, expected, source, posture) -> actual.equals(expected) ? null : "differs from the policy";
  }

  SettingCheck check(SettingsSource source, Posture posture) {
    Readable<String> value = read.apply(source);
    Readability readability = Readability.of(value);
    String want = posture == null ? null : expected.apply(posture);
    if (!(value instanceof Readable.Available<String> a)) {
      return new SettingCheck(field, label, want, null, SettingCheck.Status.NOT_EVALUATED, readability.explanation(), readability);
    }
    if (a.value() == null) {
      return new SettingCheck(field, label, want, null, SettingCheck.Status.NOT_EVALUATED,
          "GitHub did not report this value", readability);
    }
    if (want == null) {
      return new SettingCheck(field, label, null, a.value(), SettingCheck.Status.NO_POLICY, "the policy takes no position",
          readability);
    }
    String deviation = judge.deviation(a.value(), want, source, posture);
    return new SettingCheck(field, label, want, a.value(),
        deviation == null ? SettingCheck.Status.COMPLIANT : SettingCheck.Status.DEVIATES, Objects.requireNonNullElse(deviation, ""),
        readability);
  }

  /** The value as read, or null when it was not read or not reported. */
  String valueOf(SettingsSource source) {
    return read.apply(source).orNull();
  }
}
