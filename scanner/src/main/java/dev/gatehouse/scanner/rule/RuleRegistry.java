package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.rules.workflow.AiAgentUntrustedInput;
import dev.gatehouse.scanner.rules.workflow.EnvFileInjection;
import dev.gatehouse.scanner.rules.workflow.InsecureCommands;
import dev.gatehouse.scanner.rules.workflow.SelfHostedUntrustedTrigger;
import dev.gatehouse.scanner.rules.workflow.SpoofableBotCheck;
import dev.gatehouse.scanner.rules.workflow.TemplateInjection;
import dev.gatehouse.scanner.rules.workflow.UnsoundCondition;
import dev.gatehouse.scanner.rules.workflow.WorkflowParseError;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every rule, in one list sorted by id (a test keeps it sorted and complete). */
public final class RuleRegistry {

  private static final List<WorkflowRule> WORKFLOW_RULES = List.of(
      new AiAgentUntrustedInput(),
      new EnvFileInjection(),
      new InsecureCommands(),
      new SelfHostedUntrustedTrigger(),
      new SpoofableBotCheck(),
      new TemplateInjection(),
      new UnsoundCondition(),
      new WorkflowParseError());

  private static final Map<String, RuleInfo> INFO = new LinkedHashMap<>();

  static {
    for (WorkflowRule rule : WORKFLOW_RULES) {
      INFO.put(rule.info().id(), rule.info());
    }
  }

  private RuleRegistry() {}

  public static List<WorkflowRule> workflowRules() {
    return WORKFLOW_RULES;
  }

  /** Metadata of every rule (workflow, settings, runner), sorted by id. */
  public static List<RuleInfo> all() {
    return INFO.values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
  }

  public static RuleInfo info(String id) {
    return INFO.get(id);
  }
}
