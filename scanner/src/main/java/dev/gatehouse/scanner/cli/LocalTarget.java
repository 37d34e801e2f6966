package dev.gatehouse.scanner.cli;

import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.parse.WorkflowParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A path given to the CLI: one file, or a repository checkout whose top-level
 * {@code .github/workflows/*.yml} and every {@code action.yml} (outside VCS and dependency
 * folders) are audited, as GitHub would find them.
 */
record LocalTarget(String name, Path root, List<Path> paths) {

  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target", ".venv", "vendor");

  static LocalTarget of(Path path) throws IOException {
    Path p = path.toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new IOException("no such file or directory: " + path);
    }
    if (Files.isRegularFile(p)) {
      return new LocalTarget(path.toString(), p.getParent(), List.of(p));
    }
    List<Path> found = new ArrayList<>();
    Path workflows = p.resolve(".github/workflows");
    if (Files.isDirectory(workflows)) {
      try (Stream<Path> files = Files.list(workflows)) {
        files.filter(Files::isRegularFile).filter(f -> yaml(f.getFileName().toString())).sorted().forEach(found::add);
      }
    }
    try (Stream<Path> files = Files.walk(p)) {
      files.filter(f -> !skipped(p, f)).filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().equals("action.yml") || f.getFileName().toString().equals("action.yaml"))
          .sorted().forEach(found::add);
    }
    return new LocalTarget(path.toString(), p, found);
  }

  List<SourceFile> files() throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (Path file : paths) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      files.add(new SourceFile(relative, readCapped(file)));
    }
    return files;
  }

  /** Reads at most one byte past the parser's cap, so a huge file is rejected without loading it. */
  private static byte[] readCapped(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(WorkflowParser.DEFAULT_MAX_BYTES + 1);
    }
  }

  private static boolean yaml(String name) {
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  private static boolean skipped(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (SKIPPED_DIRS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
