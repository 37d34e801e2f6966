package dev.gatehouse.scanner.model;

/** Raw bytes of a file to audit, with its path inside the repository. */
public record SourceFile(String path, byte[] content) {

  /** Action metadata ({@code action.yml}/{@code action.yaml}) rather than a workflow. */
  public boolean actionMetadata() {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.equals("action.yml") || name.equals("action.yaml");
  }
}
