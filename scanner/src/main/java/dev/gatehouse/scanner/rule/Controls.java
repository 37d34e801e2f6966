package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.Readable;
import java.util.ArrayList;
import java.util.List;

/**
 * Pass, fail or not evaluated, per control, for one scan: a control with an unsuppressed finding
 * fails; otherwise, if any setting it reads could not be read, it is not evaluated (with the
 * reason); only then does it pass. An unreadable setting therefore never yields a pass.
 */
public final class Controls {

  public enum Status { PASS, FAIL, NOT_EVALUATED }

  public record Result(String ruleId, Status status, String reason, long findings) {}

  private Controls() {}

  public static List<Result> evaluate(OrgScan scan, List<String> ruleIds, List<Finding> findings) {
    List<ControlInputs.Input> inputs = ControlInputs.of(scan);
    List<Result> results = new ArrayList<>();
    for (String id : ruleIds) {
      long failing = findings.stream().filter(f -> f.ruleId().equals(id) && !f.suppressed()).count();
      if (failing > 0) {
        results.add(new Result(id, Status.FAIL, failing + " finding(s)", failing));
        continue;
      }
      ControlInputs.Input missing = inputs.stream()
          .filter(i -> i.value() instanceof Readable.Unavailable && i.controls().contains(id)).findFirst().orElse(null);
      results.add(missing == null
          ? new Result(id, Status.PASS, "no finding", 0)
          : new Result(id, Status.NOT_EVALUATED, missing.what() + " could not be read: " + missing.value().reason(), 0));
    }
    return results;
  }
}
