package dev.gatehouse.scanner.rule;

/**
 * A check over an organization's Actions settings or runner registrations (targets SETTINGS and
 * RUNNER). Final, stateless, annotated with {@link RuleInfo}, no I/O. A rule whose input is
 * unavailable reports nothing: {@code setting-not-evaluated} reports the gap, so an unreadable
 * setting is never counted as a pass.
 */
public interface SettingsRule {

  void check(SettingsContext context);

  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }
}
