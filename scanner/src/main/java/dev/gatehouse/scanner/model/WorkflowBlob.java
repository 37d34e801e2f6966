package dev.gatehouse.scanner.model;

/**
 * One workflow or action file at the scanned commit: its path, blob SHA (content identity, so it
 * is stored once) and text. {@code text} is null when it could not be read; {@code problem} says why.
 */
public record WorkflowBlob(String path, String blobSha, String text, String problem) {}
