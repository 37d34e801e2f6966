package dev.gatehouse.scanner.rule;

/**
 * A check over one workflow or action file. Implementations are final, stateless, annotated
 * with {@link RuleInfo}, and do no I/O: everything they may know is in the context.
 */
public interface WorkflowRule {

  void check(WorkflowContext context);

  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }
}
