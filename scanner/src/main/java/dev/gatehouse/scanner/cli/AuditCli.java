package dev.gatehouse.scanner.cli;

import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.policy.InvalidPolicyException;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.policy.PolicyLoader;
import dev.gatehouse.scanner.report.JsonReport;
import dev.gatehouse.scanner.report.ReportMeta;
import dev.gatehouse.scanner.report.SarifReport;
import dev.gatehouse.scanner.rule.AuditEngine;
import dev.gatehouse.scanner.rule.Finding;
import dev.gatehouse.scanner.rule.RepoContext;
import dev.gatehouse.scanner.rule.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse audit PATH...}: audits workflow and action files, or repository checkouts, and
 * exits with a code that tells the highest unsuppressed severity at or above the threshold, so
 * CI can gate on it.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, version = "gatehouse audit 0.1.0",
    description = "Audit GitHub Actions workflows and action.yml files for risks from untrusted pull requests.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no unsuppressed finding at or above --min-severity",
        "2:usage, policy or I/O error",
        "10:highest finding is info", "11:highest finding is low", "12:highest finding is medium",
        "13:highest finding is high", "14:highest finding is critical"})
public final class AuditCli implements Callable<Integer> {

  public enum Format { text, json, sarif }

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Workflow or action files, or repository checkouts (their .github/workflows and action.yml files).")
  List<Path> paths;

  @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (default: strict, every action SHA-pinned).")
  Path policyFile;

  @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--min-severity", defaultValue = "info", paramLabel = "S", converter = SeverityConverter.class,
      description = "Report and gate only on findings at or above S: info, low, medium, high, critical (default: ${DEFAULT-VALUE}).")
  Severity minSeverity;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  private PrintStream stdout = System.out;

  /** {@code java -jar gatehouse-scanner-cli.jar audit PATH...}; the {@code audit} word may be omitted. */
  public static void main(String... args) {
    String[] rest = args.length > 0 && args[0].equals("audit") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    System.exit(run(System.out, System.err, rest));
  }

  /** Runs the audit command with the given streams and arguments (after {@code audit}); returns the exit code. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    AuditCli cli = new AuditCli();
    cli.stdout = out;
    CommandLine cmd = new CommandLine(cli);
    cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("gatehouse: " + e.getMessage());
      return 2;
    });
    cmd.setExitCodeExceptionMapper(e -> 2);
    return cmd.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    Policy policy = loadPolicy();
    AuditEngine engine = AuditEngine.withAllRules(policy);
    List<Finding> findings = new ArrayList<>();
    for (Path path : paths) {
      LocalTarget target = LocalTarget.of(path);
      List<SourceFile> files = target.files();
      findings.addAll(engine.audit(RepoContext.unknown(target.name()), files));
    }
    List<Finding> shown = findings.stream().filter(f -> f.severity().atLeast(minSeverity)).toList();
    try (OutputStream out = output == null ? new NonClosing(stdout) : Files.newOutputStream(output)) {
      write(shown, out);
    }
    return shown.stream().filter(f -> !f.suppressed()).map(Finding::severity).max(Enum::compareTo)
        .map(s -> 10 + s.ordinal()).orElse(0);
  }

  private Policy loadPolicy() throws IOException {
    if (policyFile == null) {
      return Policy.strict();
    }
    try {
      return PolicyLoader.load(policyFile);
    } catch (InvalidPolicyException e) {
      throw new IOException("invalid policy " + e.getMessage(), e);
    }
  }

  private void write(List<Finding> findings, OutputStream out) throws IOException {
    ReportMeta meta = new ReportMeta(ReportMeta.version(), Instant.now(), ReportMeta.DEFAULT_HELP_BASE);
    switch (format) {
      case json -> {
        try (JsonReport report = new JsonReport(out, meta)) {
          for (Finding f : findings) {
            report.write(null, f);
          }
        }
      }
      case sarif -> {
        try (SarifReport report = new SarifReport(out, meta)) {
          report.startRun(null);
          for (Finding f : findings) {
            report.write(f);
          }
        }
      }
      case text -> TextReport.write(findings, new PrintStream(out, true, StandardCharsets.UTF_8));
    }
  }

  static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      return Severity.parse(value.toLowerCase(Locale.ROOT));
    }
  }

  /** Keeps System.out open when the report is closed. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
