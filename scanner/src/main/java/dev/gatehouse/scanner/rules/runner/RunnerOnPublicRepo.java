package dev.gatehouse.scanner.rules.runner;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.rule.Confidence;
import dev.gatehouse.scanner.rule.Resources;
import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.SettingsContext;
import dev.gatehouse.scanner.rule.SettingsRule;
import dev.gatehouse.scanner.rule.Severity;
import dev.gatehouse.scanner.rule.Target;
import java.util.List;

/**
 * A runner registered on a public repository escapes the organization's runner-group controls,
 * and any pull request from a fork can target it; GitHub advises never to use self-hosted
 * runners with public repositories.
 */
@RuleInfo(
    id = "runner-on-public-repo",
    summary = "self-hosted runner registered directly on a public repository",
    severity = Severity.CRITICAL,
    confidence = Confidence.HIGH,
    target = Target.RUNNER)
public final class RunnerOnPublicRepo implements SettingsRule {

  @Override
  public void check(SettingsContext context) {
    for (RepoSnapshot repo : context.repos()) {
      if (!repo.repository().isPublic() || !(repo.runners() instanceof Readable.Available<List<Runner>> runners)) {
        continue; // private, or runners unreadable (setting-not-evaluated) or not applicable (archived)
      }
      String name = repo.repository().fullName();
      for (Runner runner : runners.value()) {
        SettingsContext.Report report = context.report(name, Resources.repoRunner(name, runner.id()), "",
                "Self-hosted runner '" + runner.name() + "' is registered on public repository " + name + ": a pull request "
                    + "from any GitHub user can run code on it, and no runner group setting stands in the way. Remove the "
                    + "runner and use GitHub-hosted runners for this repository")
            .evidence(runner.name());
        if (runner.ephemeral()) {
          report.severity(Severity.HIGH, "the runner is ephemeral, so nothing persists between jobs, but each job still reaches "
              + "the machine's network and credentials");
        }
        report.emit();
      }
    }
  }
}
