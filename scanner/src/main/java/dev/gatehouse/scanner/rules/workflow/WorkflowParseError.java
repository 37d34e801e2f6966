package dev.gatehouse.scanner.rules.workflow;

import dev.gatehouse.scanner.parse.ParseResult;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.Fingerprints;
import dev.gatehouse.scanner.rule.Location;
import dev.gatehouse.scanner.rule.RepoContext;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import dev.gatehouse.scanner.rule.WorkflowContext;
import dev.gatehouse.scanner.rule.WorkflowRule;
import java.util.List;

/**
 * Files the parser rejects. The engine reports them through this rule (rules only ever see
 * parsed files), so an unreadable workflow is visible rather than silently skipped.
 */
@RuleInfo(
    id = "workflow-parse-error",
    summary = "file cannot be parsed as a workflow or action",
    severity = Severity.LOW,
    confidence = Confidence.HIGH,
    target = Target.WORKFLOW,
    aliases = {"syntax-error"})
public final class WorkflowParseError implements WorkflowRule {

  @Override
  public void check(WorkflowContext context) {
    // Parsed files are fine by definition; failures are reported by finding().
  }

  public static Finding finding(RepoContext repo, ParseResult.Failed failed) {
    RuleInfo info = WorkflowParseError.class.getAnnotation(RuleInfo.class);
    return new Finding(info.id(), info.severity(), info.confidence(),
        "could not audit this file: " + failed.message(),
        new Location(failed.path(), failed.pos().line(), failed.pos().column(), ""), List.of(),
        Fingerprints.of(info.id(), repo.fullName(), failed.path(), "", ""), null);
  }
}
