package dev.gatehouse.scanner.parse;

import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.Pos;

/** The outcome of parsing one file: a model, or a failure that becomes a workflow-parse-error finding. */
public sealed interface ParseResult {

  String path();

  record Parsed(AuditedFile file) implements ParseResult {
    @Override
    public String path() {
      return file.path();
    }
  }

  record Failed(String path, String message, Pos pos) implements ParseResult {}
}
