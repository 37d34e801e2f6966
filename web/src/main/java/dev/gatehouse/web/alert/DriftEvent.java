package dev.gatehouse.web.alert;

import dev.gatehouse.scanner.rule.Severity;

/**
 * One change between two completed scans that matters to the policy: what kind, how serious,
 * about which subject (organization, repository, runner, group), and the values before and after.
 */
public record DriftEvent(String kind, Severity severity, String subject, String before, String after, String message) {}
