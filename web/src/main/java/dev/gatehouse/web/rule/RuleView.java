package dev.gatehouse.web.rule;

import dev.gatehouse.scanner.rule.RuleInfo;
import java.util.Locale;

/** A rule's metadata as the rule pages show it. */
public record RuleView(String id, String summary, String severity, String confidence, String target) {

  static RuleView of(RuleInfo info) {
    return new RuleView(info.id(), info.summary(), info.severity().id(), info.confidence().id(),
        info.target().name().toLowerCase(Locale.ROOT));
  }
}
