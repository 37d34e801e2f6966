package dev.gatehouse.scanner.model;

import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A workflow file under {@code .github/workflows/}. {@code permissions} is null when unset. */
public record Workflow(
    String path, List<String> lines, String name, Pos onPos, List<Trigger> triggers,
    Permissions permissions, Map<String, Scalar> env, Scalar concurrency, List<Job> jobs)
    implements AuditedFile {

  public Workflow {
    lines = List.copyOf(lines);
    triggers = List.copyOf(triggers);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    jobs = List.copyOf(jobs);
  }

  public Set<String> events() {
    return triggers.stream().map(Trigger::event).collect(Collectors.toUnmodifiableSet());
  }

  public Optional<Trigger> trigger(String event) {
    return triggers.stream().filter(t -> t.event().equals(event)).findFirst();
  }

  public Optional<Job> job(String id) {
    return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
  }

  @Override
  public List<Step> allSteps() {
    return jobs.stream().flatMap(j -> j.steps().stream()).toList();
  }
}
