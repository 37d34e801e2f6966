package dev.gatehouse.scanner.rule;

/** What a rule reads: workflow and action files, Actions settings, or runner registrations. */
public enum Target {
  WORKFLOW, SETTINGS, RUNNER
}
