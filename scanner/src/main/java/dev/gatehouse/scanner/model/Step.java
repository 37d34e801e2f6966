package dev.gatehouse.scanner.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a job or composite action. {@code path} is its structural location, e.g.
 * {@code jobs.build.steps[2]} or {@code runs.steps[0]}.
 */
public record Step(
    int index, String path, Pos pos, String id, String name, Uses uses, Scalar run, String shell,
    Map<String, Scalar> with, Map<String, Scalar> env, Scalar condition, String workingDirectory) {

  public Step {
    with = Collections.unmodifiableMap(new LinkedHashMap<>(with));
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  public Scalar with(String key) {
    return with.get(key);
  }

  /** How people recognise this step in a message: its name, id, action or first command line. */
  public String label() {
    if (name != null && !name.isBlank()) {
      return name;
    }
    if (uses != null) {
      return uses.raw();
    }
    if (id != null) {
      return id;
    }
    if (run != null) {
      String first = run.value().strip().lines().findFirst().orElse("");
      return first.length() > 60 ? first.substring(0, 57) + "..." : first;
    }
    return "step " + (index + 1);
  }
}
