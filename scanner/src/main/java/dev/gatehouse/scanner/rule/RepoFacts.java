package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.RunsOn;
import dev.gatehouse.scanner.model.Workflow;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the dashboard filters repositories by: how many workflows, whether any job asks for a
 * self-hosted runner (label {@code self-hosted}, a runner group, or a literal label that is not a
 * GitHub-hosted one), and which privileged triggers its workflows use.
 */
public record RepoFacts(int workflows, boolean selfHosted, Set<String> privilegedTriggers) {

  /** Labels of GitHub-hosted runners (standard and GitHub's own larger-runner naming). */
  public static final Pattern HOSTED = Pattern.compile(
      "ubuntu-(latest|slim|\\d+\\.\\d+)(-arm)?|windows-(latest|\\d{4})|windows-\\d+-arm|macos-(latest|\\d+)(-(intel|large|xlarge))?",
      Pattern.CASE_INSENSITIVE);

  public RepoFacts {
    privilegedTriggers = Set.copyOf(privilegedTriggers);
  }

  public static RepoFacts of(Collection<? extends AuditedFile> files) {
    int workflows = 0;
    boolean selfHosted = false;
    Set<String> privileged = new TreeSet<>();
    for (AuditedFile file : files) {
      if (file instanceof Workflow w) {
        workflows++;
        privileged.addAll(Triggers.privileged(w));
        for (Job job : w.jobs()) {
          selfHosted |= selfHosted(job.runsOn());
        }
      }
    }
    return new RepoFacts(workflows, selfHosted, privileged);
  }

  static boolean selfHosted(RunsOn runsOn) {
    if (runsOn == null) {
      return false;
    }
    if (runsOn.group() != null && !runsOn.group().contains("${{")) {
      return true;
    }
    for (String label : runsOn.labels()) {
      String l = label.strip();
      if (!l.isEmpty() && !l.contains("${{") && (l.equalsIgnoreCase("self-hosted") || !HOSTED.matcher(l).matches())) {
        return true;
      }
    }
    return false;
  }
}
