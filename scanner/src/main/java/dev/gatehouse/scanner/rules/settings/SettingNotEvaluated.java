package dev.gatehouse.scanner.rules.settings;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.ControlInputs;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import java.util.List;

/**
 * Every setting GitHub would not show, with the controls that therefore are not evaluated. The
 * other settings rules stay silent on an unreadable input; this finding is what keeps that
 * silence from reading as a pass.
 */
@RuleInfo(
    id = "setting-not-evaluated",
    summary = "a setting could not be read, so the controls that use it are not evaluated",
    severity = Severity.INFO,
    confidence = Confidence.HIGH,
    target = Target.SETTINGS)
public final class SettingNotEvaluated implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    for (ControlInputs.Input input : ControlInputs.of(context.scan())) {
      gap(context, input.subject(), input.resource(), input.what(), input.value(), input.controls());
    }
  }

  private static void gap(SettingsContext context, String subject, String resource, String what, Readable<?> value, List<String> controls) {
    if (value instanceof Readable.Unavailable<?> u) {
      context.report(subject, resource, "", "Not evaluated: " + what + " could not be read ("
              + (u.status() > 0 ? u.reason() : "no answer: " + u.reason()) + "); these controls are not evaluated: "
              + String.join(", ", controls))
          .evidence(String.join(",", controls)).emit();
    }
  }
}
