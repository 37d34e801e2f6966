package dev.gatehouse.scanner.rule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rule's metadata, in one place; the docs index and SARIF rule descriptors are generated from it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

  /** Kebab-case id that never changes. */
  String id();

  /** Lowercase, no trailing period, under 80 characters. */
  String summary();

  Severity severity();

  Confidence confidence();

  dev.gatehouse.scanner.rule.Target target();

  /** Ids other tools use for the same check, honoured in their suppression comments (e.g. zizmor's). */
  String[] aliases() default {};
}
