package dev.gatehouse.scanner.model;

import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job under {@code jobs:}. A job either runs {@code steps} on a runner or calls a reusable
 * workflow through {@code uses} (then {@code with} and {@code secrets} apply and there are no
 * steps). {@code permissions} is null when the job does not set its own.
 */
public record Job(
    String id, String path, Pos pos, String name, Permissions permissions, RunsOn runsOn,
    List<String> needs, Scalar condition, Scalar environment, Container container,
    List<Container> services, Map<String, Scalar> env, List<Step> steps, Uses uses,
    Map<String, Scalar> with, boolean secretsInherit, Map<String, Scalar> secrets,
    Map<String, Scalar> outputs, Map<String, List<String>> matrix) {

  public Job {
    needs = List.copyOf(needs);
    services = List.copyOf(services);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    steps = List.copyOf(steps);
    with = Collections.unmodifiableMap(new LinkedHashMap<>(with));
    secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    matrix = Collections.unmodifiableMap(new LinkedHashMap<>(matrix));
  }

  public boolean callsReusableWorkflow() {
    return uses != null;
  }
}
