package dev.gatehouse.scanner.rule;

/** Renders {@code docs/rules/README.md} from the rules' annotations (a test keeps the file current). */
public final class RulesIndex {

  private RulesIndex() {}

  public static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Rules\n\n")
        .append("Generated from the rules' `@RuleInfo` annotations; do not edit by hand ")
        .append("(`./mvnw -pl scanner test -Dtest=RuleCatalogueTest -Dgatehouse.docs.update=true` rewrites it).\n\n");
    for (Target target : Target.values()) {
      var rules = RuleRegistry.all().stream().filter(r -> r.target() == target).toList();
      if (rules.isEmpty()) {
        continue;
      }
      md.append("## ").append(switch (target) {
        case WORKFLOW -> "Workflow rules";
        case SETTINGS -> "Settings rules";
        case RUNNER -> "Runner rules";
      }).append("\n\n| id | summary | default severity | confidence |\n|---|---|---|---|\n");
      for (RuleInfo r : rules) {
        md.append("| [`").append(r.id()).append("`](").append(r.id()).append(".md) | ").append(r.summary())
            .append(" | ").append(r.severity().id()).append(" | ").append(r.confidence().id()).append(" |\n");
      }
      md.append('\n');
    }
    return md.toString();
  }
}
