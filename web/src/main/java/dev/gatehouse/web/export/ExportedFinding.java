package dev.gatehouse.web.export;

import java.time.Instant;

/** One finding as it stood at the export's point in time. */
record ExportedFinding(String repository, String ruleId, String severity, String confidence, String message, String file,
    int line, int column, String path, String fingerprint, Instant firstSeenAt, String suppressionKind, String suppression) {}
