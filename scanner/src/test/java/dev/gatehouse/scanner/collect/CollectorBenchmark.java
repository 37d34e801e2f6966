package dev.gatehouse.scanner.collect;

import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.RepoSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;

/**
 * Serves a mock organization of N repositories with a fixed latency per answer and prints, for a
 * cold scan and an immediate warm rescan, wall time, requests and rate-limit points per
 * repository, and peak heap. Not a test: {@code ./mvnw -q -pl scanner -Pbench -DskipTests verify}.
 */
public final class CollectorBenchmark {

  private CollectorBenchmark() {}

  public static void main(String... args) throws Exception {
    int repos = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    try (MockWebServer server = new MockWebServer()) {
      FakeGitHub github = new FakeGitHub("bench-org", "");
      for (int i = 0; i < repos; i++) {
        Map<String, String> files = new HashMap<>();
        files.put(".github/workflows/ci.yml", "on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
            + (i % 10 == 0 ? "    environment: release\n" : "") + "    steps:\n      - uses: actions/checkout@v4\n"
            + (i % 5 == 0 ? "      - uses: ./.github/actions/build\n" : "") + "      - run: make test\n");
        files.put(".github/workflows/lint.yml", "on: pull_request\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make lint\n");
        files.put(".github/actions/build/action.yml", "runs:\n  using: composite\n  steps:\n    - run: make\n      shell: bash\n");
        github.repos.add(new FakeGitHub.Repo("service-" + i, i % 3 == 0 ? "private" : "public", i % 50 == 0, "c".repeat(36) + String.format("%04d", i), files));
      }
      github.latency = Duration.ofMillis(latencyMs);
      // A GitHub App installation on a large organization gets 12,500 points an hour.
      github.remaining.set(12_500);
      github.resetEpoch = System.currentTimeMillis() / 1000 + 3600;
      server.setDispatcher(github);
      server.start();
      GitHubClient client = GitHubClient.builder(URI.create(server.url("/").toString()), TokenSource.fixed("bench"))
          .budget(new RateBudget(100, Clock.systemUTC(), Sleeper.REAL)).etags(new MemoryEtagStore()).concurrency(concurrency).build();
      System.out.printf(Locale.ROOT, "mock org: %d repositories, %d ms per answer, %d concurrent requests%n", repos, latencyMs, concurrency);

      Map<String, RepoCollector.Known> known = new HashMap<>();
      List<RepoSnapshot> cold = run("cold scan", client, repos, concurrency, Map.of());
      for (RepoSnapshot s : cold) {
        known.put(s.repository().fullName(), new RepoCollector.Known(s.headSha(), s.files().orNull()));
      }
      run("warm rescan", client, repos, concurrency, known);
    }
  }

  private static List<RepoSnapshot> run(String label, GitHubClient client, int repos, int concurrency, Map<String, RepoCollector.Known> known) {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    ScanMeter meter = new ScanMeter();
    long start = System.nanoTime();
    OrgSnapshot org = new OrgCollector(client).collect("bench-org", meter);
    List<RepoSnapshot> snapshots = new RepoCollector(client, concurrency, 50).collect("bench-org", org.repositories(), known, meter);
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(Locale.ROOT, "%-12s %6.1f s  %6d requests (%.2f/repo)  %5d points (%.3f/repo: REST %d, GraphQL %d)  %d answered 304  peak heap %d MB%n",
        label, seconds, meter.requests(), meter.requests() / (double) repos, meter.points(), meter.points() / (double) repos,
        meter.restPoints(), meter.graphqlPoints(), meter.notModified(), peak / (1024 * 1024));
    return snapshots;
  }
}
