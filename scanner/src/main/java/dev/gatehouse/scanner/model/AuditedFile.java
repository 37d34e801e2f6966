package dev.gatehouse.scanner.model;

import java.util.List;

/** A file the engine audits: a workflow or the metadata of a (local) action. */
public sealed interface AuditedFile permits Workflow, Action {

  /** Path inside the repository, e.g. {@code .github/workflows/ci.yml}. */
  String path();

  /** The source text split into lines, for suppression comments and snippets. */
  List<String> lines();

  /** Steps this file runs, in order (all jobs' steps for a workflow, composite steps for an action). */
  List<Step> allSteps();
}
