package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.rules.runner.RunnerGroupAllRepos;
import dev.gatehouse.scanner.rules.runner.RunnerGroupAnyWorkflow;
import dev.gatehouse.scanner.rules.runner.RunnerGroupPublicRepos;
import dev.gatehouse.scanner.rules.runner.RunnerNonEphemeral;
import dev.gatehouse.scanner.rules.runner.RunnerOnPublicRepo;
import dev.gatehouse.scanner.rules.runner.RunnerStale;
import dev.gatehouse.scanner.rules.settings.ActionsAllowedAll;
import dev.gatehouse.scanner.rules.settings.ActionsAllowlistOutsidePolicy;
import dev.gatehouse.scanner.rules.settings.ActionsAllowlistStale;
import dev.gatehouse.scanner.rules.settings.ActionsCanApprovePrs;
import dev.gatehouse.scanner.rules.settings.ActionsEnabledAllRepos;
import dev.gatehouse.scanner.rules.settings.ActionsUsedNotAllowed;
import dev.gatehouse.scanner.rules.settings.DefaultTokenWritable;
import dev.gatehouse.scanner.rules.settings.ForkPrApprovalWeak;
import dev.gatehouse.scanner.rules.settings.PrivateForkPrSecrets;
import dev.gatehouse.scanner.rules.settings.SelfHostedRunnersAllRepos;
import dev.gatehouse.scanner.rules.settings.SettingNotEvaluated;
import dev.gatehouse.scanner.rules.settings.ShaPinningSettingMismatch;
import dev.gatehouse.scanner.rules.workflow.AiAgentUntrustedInput;
import dev.gatehouse.scanner.rules.workflow.ArtifactPoisoning;
import dev.gatehouse.scanner.rules.workflow.CachePoisoning;
import dev.gatehouse.scanner.rules.workflow.CredentialPersistence;
import dev.gatehouse.scanner.rules.workflow.DangerousTrigger;
import dev.gatehouse.scanner.rules.workflow.EnvFileInjection;
import dev.gatehouse.scanner.rules.workflow.ExcessivePermissions;
import dev.gatehouse.scanner.rules.workflow.HardcodedCredentials;
import dev.gatehouse.scanner.rules.workflow.InsecureCommands;
import dev.gatehouse.scanner.rules.workflow.KnownCompromisedAction;
import dev.gatehouse.scanner.rules.workflow.LongLivedPublishToken;
import dev.gatehouse.scanner.rules.workflow.MissingPermissions;
import dev.gatehouse.scanner.rules.workflow.OverprovisionedSecrets;
import dev.gatehouse.scanner.rules.workflow.PublishWithoutApproval;
import dev.gatehouse.scanner.rules.workflow.SecretsInUntrustedJob;
import dev.gatehouse.scanner.rules.workflow.SecretsInherit;
import dev.gatehouse.scanner.rules.workflow.SelfHostedUntrustedTrigger;
import dev.gatehouse.scanner.rules.workflow.SpoofableBotCheck;
import dev.gatehouse.scanner.rules.workflow.TemplateInjection;
import dev.gatehouse.scanner.rules.workflow.UnpinnedAction;
import dev.gatehouse.scanner.rules.workflow.UnpinnedImage;
import dev.gatehouse.scanner.rules.workflow.UnsafeCheckoutOptOut;
import dev.gatehouse.scanner.rules.workflow.UnsoundCondition;
import dev.gatehouse.scanner.rules.workflow.UntrustedCheckout;
import dev.gatehouse.scanner.rules.workflow.UntrustedCheckoutExec;
import dev.gatehouse.scanner.rules.workflow.WorkflowParseError;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every rule, in one list sorted by id (a test keeps it sorted and complete). */
public final class RuleRegistry {

  private static final List<WorkflowRule> WORKFLOW_RULES = List.of(
      new AiAgentUntrustedInput(),
      new ArtifactPoisoning(),
      new CachePoisoning(),
      new CredentialPersistence(),
      new DangerousTrigger(),
      new EnvFileInjection(),
      new ExcessivePermissions(),
      new HardcodedCredentials(),
      new InsecureCommands(),
      new KnownCompromisedAction(),
      new LongLivedPublishToken(),
      new MissingPermissions(),
      new OverprovisionedSecrets(),
      new PublishWithoutApproval(),
      new SecretsInUntrustedJob(),
      new SecretsInherit(),
      new SelfHostedUntrustedTrigger(),
      new SpoofableBotCheck(),
      new TemplateInjection(),
      new UnpinnedAction(),
      new UnpinnedImage(),
      new UnsafeCheckoutOptOut(),
      new UnsoundCondition(),
      new UntrustedCheckout(),
      new UntrustedCheckoutExec(),
      new WorkflowParseError());

  private static final List<SettingsRule> SETTINGS_RULES = List.of(
      new ActionsAllowedAll(),
      new ActionsAllowlistOutsidePolicy(),
      new ActionsAllowlistStale(),
      new ActionsCanApprovePrs(),
      new ActionsEnabledAllRepos(),
      new ActionsUsedNotAllowed(),
      new DefaultTokenWritable(),
      new ForkPrApprovalWeak(),
      new PrivateForkPrSecrets(),
      new RunnerGroupAllRepos(),
      new RunnerGroupAnyWorkflow(),
      new RunnerGroupPublicRepos(),
      new RunnerNonEphemeral(),
      new RunnerOnPublicRepo(),
      new RunnerStale(),
      new SelfHostedRunnersAllRepos(),
      new SettingNotEvaluated(),
      new ShaPinningSettingMismatch());

  private static final Map<String, RuleInfo> INFO = new LinkedHashMap<>();

  static {
    for (WorkflowRule rule : WORKFLOW_RULES) {
      INFO.put(rule.info().id(), rule.info());
    }
    for (SettingsRule rule : SETTINGS_RULES) {
      INFO.put(rule.info().id(), rule.info());
    }
  }

  private RuleRegistry() {}

  public static List<WorkflowRule> workflowRules() {
    return WORKFLOW_RULES;
  }

  /** Settings and runner rules, sorted by id. */
  public static List<SettingsRule> settingsRules() {
    return SETTINGS_RULES;
  }

  /** Metadata of every rule (workflow, settings, runner), sorted by id. */
  public static List<RuleInfo> all() {
    return INFO.values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
  }

  public static RuleInfo info(String id) {
    return INFO.get(id);
  }
}
