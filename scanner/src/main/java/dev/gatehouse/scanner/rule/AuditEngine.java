package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.parse.ParseResult;
import dev.gatehouse.scanner.parse.WorkflowParser;
import dev.gatehouse.scanner.policy.InlineSuppressions;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.policy.RuleException;
import dev.gatehouse.scanner.rules.workflow.WorkflowParseError;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs workflow rules over files: parse, check, then apply the policy's severity overrides,
 * inline suppressions and exceptions. A file that cannot be parsed becomes a finding; a rule
 * that fails on a file becomes a finding too, so nothing is silently skipped.
 */
public final class AuditEngine {

  private static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.location().file())
      .thenComparingInt(f -> f.location().line())
      .thenComparingInt(f -> f.location().column())
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::fingerprint);

  private final List<WorkflowRule> rules;
  private final List<RuleInfo> infos;
  private final Policy policy;
  private final WorkflowParser parser;
  private final Clock clock;
  private final boolean reportParseErrors;

  public AuditEngine(List<WorkflowRule> rules, Policy policy, WorkflowParser parser, Clock clock) {
    this.rules = List.copyOf(rules);
    this.infos = this.rules.stream().map(WorkflowRule::info).toList();
    this.policy = policy;
    this.parser = parser;
    this.clock = clock;
    this.reportParseErrors = rules.stream().anyMatch(r -> r instanceof WorkflowParseError);
  }

  public static AuditEngine withAllRules(Policy policy) {
    return new AuditEngine(RuleRegistry.workflowRules(), policy, new WorkflowParser(), Clock.systemUTC());
  }

  public List<Finding> audit(RepoContext repo, List<SourceFile> files) {
    List<Finding> findings = new ArrayList<>();
    for (SourceFile file : files) {
      findings.addAll(auditFile(repo, file));
    }
    findings.sort(ORDER);
    return findings;
  }

  public List<Finding> auditFile(RepoContext repo, SourceFile source) {
    ParseResult result = parser.parse(source);
    if (result instanceof ParseResult.Parsed parsed) {
      return auditParsed(repo, parsed.file());
    }
    List<Finding> out = new ArrayList<>();
    if (reportParseErrors) {
      out.add(applyPolicy(WorkflowParseError.finding(repo, (ParseResult.Failed) result), repo, List.of(), LocalDate.now(clock)));
    }
    return out;
  }

  /** A file whose content could not be fetched (binary, too large): reported as not audited. */
  public List<Finding> unreadable(RepoContext repo, String path, String problem) {
    if (!reportParseErrors) {
      return List.of();
    }
    ParseResult.Failed failed = new ParseResult.Failed(path, problem, dev.gatehouse.scanner.model.Pos.START);
    return List.of(applyPolicy(WorkflowParseError.finding(repo, failed), repo, List.of(), LocalDate.now(clock)));
  }

  /** Audits a file already parsed (the service parses once for the inventory and the rules). */
  public List<Finding> auditParsed(RepoContext repo, AuditedFile file) {
    List<Finding> raw = new ArrayList<>();
    Analysis analysis = new Analysis(file);
    for (int i = 0; i < rules.size(); i++) {
      WorkflowRule rule = rules.get(i);
      RuleInfo info = infos.get(i);
      try {
        rule.check(new WorkflowContext(file, repo, policy, info, analysis, raw::add));
      } catch (RuntimeException e) {
        raw.add(new Finding(info.id(), Severity.INFO, Confidence.HIGH,
            "not evaluated: rule " + info.id() + " failed on this file (" + e.getClass().getSimpleName() + ")",
            new Location(file.path(), 1, 1, ""), List.of(),
            Fingerprints.of(info.id(), repo.fullName(), file.path(), "rule-failure", ""), null));
      }
    }
    LocalDate today = LocalDate.now(clock);
    List<Finding> out = new ArrayList<>(raw.size());
    for (Finding f : raw) {
      out.add(applyPolicy(f, repo, file.lines(), today));
    }
    out.sort(ORDER);
    return out;
  }

  private Finding applyPolicy(Finding finding, RepoContext repo, List<String> lines, LocalDate today) {
    Finding f = finding;
    Severity override = policy.severityOverrides().get(f.ruleId());
    if (override != null && override != f.severity()) {
      f = f.withSeverity(override, "severity set by policy");
    }
    RuleInfo info = RuleRegistry.info(f.ruleId());
    List<String> aliases = info == null ? List.of() : Arrays.asList(info.aliases());
    Optional<Suppression> inline = InlineSuppressions.at(lines, f.location().line(), f.ruleId(), aliases);
    if (inline.isPresent()) {
      return f.withSuppression(inline.get());
    }
    String job = jobOf(f.location().path());
    for (RuleException e : policy.exceptions()) {
      if (!e.expiredOn(today) && e.matches(f.ruleId(), repo.fullName(), f.location().file(), job)) {
        return f.withSuppression(new Suppression(Suppression.Kind.EXCEPTION, e.reason(), e.owner(), e.expires()));
      }
    }
    return f;
  }

  private static String jobOf(String structuralPath) {
    if (structuralPath == null || !structuralPath.startsWith("jobs.")) {
      return null;
    }
    String rest = structuralPath.substring("jobs.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
