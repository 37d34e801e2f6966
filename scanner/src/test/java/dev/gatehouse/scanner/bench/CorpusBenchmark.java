package dev.gatehouse.scanner.bench;

import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.parse.WorkflowParser;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.rule.AuditEngine;
import dev.gatehouse.scanner.rule.RepoContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Audits the whole real-world corpus on one thread and prints files/s and MB/s after warm-up,
 * for parsing alone and for parsing plus every rule. Not a test: run it with
 * {@code ./mvnw -q -pl scanner -Pbench -DskipTests verify} (see bench/README.md).
 */
public final class CorpusBenchmark {

  private CorpusBenchmark() {}

  public static void main(String... args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "src/test/corpus/real-world");
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int measured = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    List<SourceFile> files = new ArrayList<>();
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(corpus)) {
      for (Path p : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList()) {
        byte[] content = Files.readAllBytes(p);
        bytes += content.length;
        Path rel = corpus.relativize(p);
        files.add(new SourceFile(rel.subpath(1, rel.getNameCount()).toString(), content));
      }
    }
    System.out.printf(Locale.ROOT, "corpus: %d files, %.2f MB; %d warm-up passes, %d measured passes, 1 thread%n",
        files.size(), bytes / 1e6, warmup, measured);
    WorkflowParser parser = new WorkflowParser();
    AuditEngine engine = AuditEngine.withAllRules(Policy.strict());
    RepoContext repo = RepoContext.unknown("bench/corpus");
    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += parseAll(parser, files) + auditAll(engine, repo, files);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < measured; i++) {
      sink += parseAll(parser, files);
    }
    long parseNanos = System.nanoTime() - t0;
    long t1 = System.nanoTime();
    long findings = 0;
    for (int i = 0; i < measured; i++) {
      findings = auditAll(engine, repo, files);
      sink += findings;
    }
    long auditNanos = System.nanoTime() - t1;
    report("parse only", files.size(), bytes, measured, parseNanos);
    report("parse + all rules", files.size(), bytes, measured, auditNanos);
    System.out.printf(Locale.ROOT, "findings per pass: %d (checksum %d)%n", findings, sink);
  }

  private static long parseAll(WorkflowParser parser, List<SourceFile> files) {
    long n = 0;
    for (SourceFile f : files) {
      n += parser.parse(f).path().length();
    }
    return n;
  }

  private static long auditAll(AuditEngine engine, RepoContext repo, List<SourceFile> files) {
    long n = 0;
    for (SourceFile f : files) {
      n += engine.auditFile(repo, f).size();
    }
    return n;
  }

  private static void report(String what, int files, long bytes, int passes, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(Locale.ROOT, "%-18s %9.0f files/s  %7.1f MB/s  (%.1f ms per pass)%n",
        what, files * (double) passes / seconds, bytes * (double) passes / seconds / 1e6, seconds * 1000 / passes);
  }
}
