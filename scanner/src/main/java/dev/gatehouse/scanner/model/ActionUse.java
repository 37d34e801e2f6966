package dev.gatehouse.scanner.model;

/** One {@code uses:} in one file of one repository, with where it stands. */
public record ActionUse(String repository, String file, int line, String jobId, Uses uses) {}
