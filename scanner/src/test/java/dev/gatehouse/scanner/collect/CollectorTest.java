package dev.gatehouse.scanner.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.WorkflowBlob;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectorTest {

  static final String TOKEN = "ghp_collectortesttoken000000000000000000";
  static final String WORKFLOW = """
      on: pull_request_target
      jobs:
        build:
          runs-on: ubuntu-latest
          environment: production
          steps:
            - uses: ./.github/actions/setup
            - run: make
      """;

  MockWebServer server;
  FakeGitHub github;
  MutableClock clock;
  MemoryEtagStore etags;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    github = new FakeGitHub("acme", "");
    server.setDispatcher(github);
    server.start();
    clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    etags = new MemoryEtagStore();
    for (int i = 0; i < 120; i++) {
      Map<String, String> files = new HashMap<>();
      files.put(".github/workflows/ci.yml", i == 0 ? WORKFLOW : "on: push\njobs: {}\n");
      files.put(".github/workflows/nested/ignored.yml", "on: push\njobs: {}\n");
      files.put(".github/actions/setup/action.yml", "runs:\n  using: composite\n  steps: []\n");
      github.repos.add(new FakeGitHub.Repo("repo-" + i, i % 4 == 0 ? "private" : "public", i == 7, i == 9 ? null : "a".repeat(39) + (i % 10), files));
    }
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  GitHubClient client() {
    return GitHubClient.builder(URI.create(server.url("/").toString()), TokenSource.fixed(TOKEN))
        .budget(new RateBudget(50, clock, clock)).etags(etags).retries(4, Duration.ofMillis(100)).build();
  }

  @Test
  void coldScanReadsEverythingInBatchesAndMarksWhatDoesNotApply() {
    GitHubClient client = client();
    ScanMeter meter = new ScanMeter();
    OrgSnapshot org = new OrgCollector(client).collect("acme", meter);
    assertThat(org.repositories()).hasSize(120);
    assertThat(org.info().orNull().login()).isEqualTo("acme");
    assertThat(org.info().orNull().twoFactorRequirementEnabled()).isTrue();
    assertThat(github.requestsTo("/graphql")).hasSize(2);
    assertThat(org.actionsPermissions().orNull().allowedActions()).isEqualTo("selected");
    assertThat(org.selectedActions().orNull().patternsAllowed()).containsExactly("monalisa/octocat@*", "docker/*");
    assertThat(org.workflowDefaults().orNull().defaultWorkflowPermissions()).isEqualTo("read");
    assertThat(org.forkPrApprovalPolicy().orNull()).isEqualTo("first_time_contributors");
    assertThat(org.runnerGroups().orNull()).hasSize(3);
    assertThat(org.runnerGroups().orNull().get(1).selectedRepositories().orNull()).containsExactly("octocat/Hello-World");
    assertThat(org.runnerGroups().orNull().get(0).selectedRepositories()).isInstanceOf(Readable.NotApplicable.class);
    assertThat(org.runners().orNull()).allSatisfy(r -> assertThat(r.groupId()).isEqualTo(1L));

    int graphqlBefore = github.requestsTo("/graphql").size();
    List<RepoSnapshot> repos = new RepoCollector(client, 8, 50).collect("acme", org.repositories(), Map.of(), meter);
    // 120 repositories: 3 batches of workflows (50, 50, 20); only the first batch has a workflow
    // using a local action, so one more query reads those action.yml files.
    assertThat(github.requestsTo("/graphql").size() - graphqlBefore).isEqualTo(4);
    RepoSnapshot first = repos.get(0);
    assertThat(first.files().orNull()).extracting(WorkflowBlob::path)
        .containsExactly(".github/workflows/ci.yml", ".github/actions/setup/action.yml");
    assertThat(first.environments().orNull()).isNotEmpty();
    assertThat(first.privateForkPr().available()).isTrue();
    assertThat(repos.get(1).privateForkPr()).isInstanceOf(Readable.NotApplicable.class);
    assertThat(repos.get(1).environments()).isInstanceOf(Readable.NotApplicable.class);
    assertThat(repos.get(7).actionsPermissions().reason()).contains("archived");
    assertThat(repos.get(9).files().orNull()).isEmpty();
    assertThat(repos.get(9).actionsPermissions().reason()).contains("empty repository");
    // Every request carried the token; none of them leaked it anywhere else.
    assertThat(github.requests).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
    double perRepo = meter.points() / 120.0;
    assertThat(perRepo).isLessThanOrEqualTo(4.0);
  }

  @Test
  void warmRescanUsesEtagsAndStoredContents() {
    GitHubClient client = client();
    ScanMeter cold = new ScanMeter();
    OrgSnapshot org = new OrgCollector(client).collect("acme", cold);
    List<RepoSnapshot> first = new RepoCollector(client, 4, 50).collect("acme", org.repositories(), Map.of(), cold);
    Map<String, RepoCollector.Known> known = new HashMap<>();
    for (RepoSnapshot s : first) {
      known.put(s.repository().fullName(), new RepoCollector.Known(s.headSha(), s.files().orNull()));
    }
    github.requests.clear();
    ScanMeter warm = new ScanMeter();
    OrgSnapshot again = new OrgCollector(client).collect("acme", warm);
    List<RepoSnapshot> second = new RepoCollector(client, 4, 50).collect("acme", again.repositories(), known, warm);
    assertThat(second).allSatisfy(s -> assertThat(s.contentsReused() || s.headSha() == null).isTrue());
    assertThat(second.get(0).files().orNull()).hasSize(2);
    assertThat(warm.restPoints()).isZero();
    assertThat(warm.notModified()).isGreaterThan(200);
    assertThat(github.requestsTo("/graphql")).hasSize(2);
    assertThat(github.requests.stream().filter(r -> r.getMethod().equals("GET")))
        .allSatisfy(r -> assertThat(r.getHeader("If-None-Match")).isNotNull());
    assertThat(warm.points() / 120.0).isLessThanOrEqualTo(0.1);
    assertThat(second.get(0).actionsPermissions().orNull().enabled()).isTrue();
  }

  @Test
  void forbiddenSettingsAreUnavailableWithTheReasonNeverDefaults() {
    github.forbidden.add("/orgs/acme/actions");
    OrgSnapshot org = new OrgCollector(client()).collect("acme", new ScanMeter());
    assertThat(org.actionsPermissions()).isInstanceOfSatisfying(Readable.Unavailable.class, u -> {
      assertThat(u.status()).isEqualTo(403);
      assertThat(u.reason()).contains("Resource not accessible by integration").contains("administration=read");
    });
    assertThat(org.workflowDefaults().available()).isFalse();
    assertThat(org.selectedActions().reason()).contains("could not be read");
    assertThat(org.runners().available()).isFalse();
    assertThat(org.runnerGroups().available()).isFalse();
  }

  @Test
  void secondaryRateLimitWaitsForRetryAfter() {
    github.script("/orgs/acme/actions/permissions/workflow", new MockResponse().setResponseCode(403)
        .setHeader("retry-after", "30").setBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"));
    ScanMeter meter = new ScanMeter();
    OrgSnapshot org = new OrgCollector(client()).collect("acme", meter);
    assertThat(org.workflowDefaults().available()).isTrue();
    assertThat(clock.sleeps).contains(Duration.ofSeconds(30));
    assertThat(github.requestsTo("/actions/permissions/workflow")).hasSize(2);
  }

  @Test
  void exhaustedPrimaryLimitWaitsUntilReset() {
    long reset = clock.instant().plusSeconds(600).getEpochSecond();
    github.script("/orgs/acme/actions/permissions", new MockResponse().setResponseCode(403)
        .setHeader("x-ratelimit-remaining", "0").setHeader("x-ratelimit-reset", reset)
        .setBody("{\"message\":\"API rate limit exceeded\"}"));
    OrgSnapshot org = new OrgCollector(client()).collect("acme", new ScanMeter());
    assertThat(org.actionsPermissions().available()).isTrue();
    assertThat(clock.instant()).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
  }

  @Test
  void budgetReserveMakesCallersWaitForTheReset() throws InterruptedException {
    RateBudget budget = new RateBudget(100, clock, clock);
    budget.update("core", "5000", "100", String.valueOf(clock.instant().plusSeconds(120).getEpochSecond()));
    long waited = budget.acquire("core");
    assertThat(waited).isEqualTo(121_000);
    assertThat(budget.acquire("core")).isZero();
  }

  @Test
  void serverErrorsAndResetsAreRetriedThenSucceed() {
    github.script("/orgs/acme/actions/permissions/self-hosted-runners",
        new MockResponse().setResponseCode(502), new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST),
        new MockResponse().setResponseCode(503));
    ScanMeter meter = new ScanMeter();
    OrgSnapshot org = new OrgCollector(client()).collect("acme", meter);
    assertThat(org.selfHostedRunnersRepositories().reason()).isNull();
    assertThat(org.selfHostedRunnersRepositories().orNull()).isEqualTo("selected");
    assertThat(meter.retries()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void retriesAreCappedAndEndAsUnavailable() {
    MockResponse[] failures = new MockResponse[10];
    for (int i = 0; i < failures.length; i++) {
      failures[i] = new MockResponse().setResponseCode(500);
    }
    github.script("/orgs/acme/actions/permissions/workflow", failures);
    OrgSnapshot org = new OrgCollector(client()).collect("acme", new ScanMeter());
    assertThat(org.workflowDefaults()).isInstanceOfSatisfying(Readable.Unavailable.class, u -> assertThat(u.status()).isEqualTo(500));
    assertThat(github.requestsTo("/actions/permissions/workflow")).hasSize(4);
  }

  @Test
  void restPaginationFollowsLinkHeaders() {
    String page2 = server.url("/orgs/acme/actions/runners?per_page=1&page=2").toString();
    github.script("/orgs/acme/actions/runners",
        new MockResponse().setHeader("Link", "<" + page2 + ">; rel=\"next\"").setHeader("Content-Type", "application/json")
            .setBody("{\"total_count\":2,\"runners\":[{\"id\":1,\"name\":\"a\",\"labels\":[{\"name\":\"gpu\"}]}]}"),
        new MockResponse().setHeader("Content-Type", "application/json")
            .setBody("{\"total_count\":2,\"runners\":[{\"id\":2,\"name\":\"b\",\"ephemeral\":true,\"labels\":[]}]}"));
    OrgSnapshot org = new OrgCollector(client()).collect("acme", new ScanMeter());
    assertThat(org.runners().orNull()).extracting(r -> r.name()).containsExactly("a", "b");
    List<RecordedRequest> runnerRequests = github.requestsTo("/orgs/acme/actions/runners");
    assertThat(runnerRequests.get(1).getRequestUrl().queryParameter("page")).isEqualTo("2");
  }

  @Test
  void enterpriseServerPathsAreUsed() throws IOException {
    MockWebServer ghes = new MockWebServer();
    FakeGitHub fake = new FakeGitHub("acme", "/api/v3");
    fake.repos.addAll(github.repos.subList(0, 3));
    ghes.setDispatcher(fake);
    ghes.start();
    try {
      GitHubClient client = GitHubClient.builder(URI.create(ghes.url("/api/v3").toString()), TokenSource.fixed(TOKEN))
          .budget(new RateBudget(50, clock, clock)).build();
      OrgSnapshot org = new OrgCollector(client).collect("acme", new ScanMeter());
      assertThat(org.repositories()).hasSize(3);
      assertThat(fake.requests).extracting(RecordedRequest::getPath)
          .contains("/api/graphql", "/api/v3/orgs/acme/actions/permissions");
    } finally {
      ghes.shutdown();
    }
  }

  @Test
  void disabledActionsConflictingAllowlistAndRepositoriesWithoutWorkflowsAreWhatTheyAre() {
    github.repos.clear();
    github.repos.add(new FakeGitHub.Repo("disabled", "public", false, "d".repeat(40), Map.of(".github/workflows/a.yml", "on: push\njobs: {}\n")));
    github.repos.add(new FakeGitHub.Repo("selected", "public", false, "e".repeat(40), Map.of(".github/workflows/a.yml", "on: push\njobs: {}\n")));
    github.repos.add(new FakeGitHub.Repo("no-workflows", "public", false, "f".repeat(40), Map.of("README.md", "hi")));
    github.script("/repos/acme/disabled/actions/permissions", new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"enabled\": false}"));
    github.script("/repos/acme/selected/actions/permissions", new MockResponse().setHeader("Content-Type", "application/json")
        .setBody(Shapes.text("get-repos-owner-repo-actions-permissions.json")));
    github.script("/repos/acme/selected/actions/permissions/selected-actions", new MockResponse().setResponseCode(409)
        .setHeader("Content-Type", "application/json").setBody("{\"message\":\"Conflict\"}"));
    GitHubClient client = client();
    ScanMeter meter = new ScanMeter();
    OrgSnapshot org = new OrgCollector(client).collect("acme", meter);
    List<RepoSnapshot> repos = new RepoCollector(client, 2, 50).collect("acme", org.repositories(), Map.of(), meter);

    RepoSnapshot disabled = repos.get(0);
    assertThat(disabled.actionsPermissions().orNull().enabled()).isFalse();
    assertThat(disabled.workflowDefaults()).isInstanceOfSatisfying(Readable.NotApplicable.class,
        n -> assertThat(n.reason()).contains("Actions is disabled"));
    assertThat(github.requestsTo("/repos/acme/disabled/actions/permissions/workflow")).isEmpty();

    RepoSnapshot selected = repos.get(1);
    assertThat(selected.selectedActions()).isInstanceOfSatisfying(Readable.NotApplicable.class,
        n -> assertThat(n.reason()).contains("409"));

    RepoSnapshot none = repos.get(2);
    assertThat(none.files().orNull()).isEmpty();
    assertThat(none.actionsPermissions().available()).isTrue();
    assertThat(none.environments()).isInstanceOf(Readable.NotApplicable.class);
  }

  @Test
  void aRepositoryGraphQlLeftOutIsUnknownNotWorkflowFree() {
    github.repos.clear();
    github.repos.add(new FakeGitHub.Repo("fine", "public", false, "d".repeat(40), Map.of(".github/workflows/a.yml", "on: push\njobs: {}\n")));
    github.repos.add(new FakeGitHub.Repo("erred", "public", false, "e".repeat(40), Map.of(".github/workflows/a.yml", "on: push\njobs: {}\n")));
    github.graphqlErrors.add("erred");
    GitHubClient client = client();
    ScanMeter meter = new ScanMeter();
    OrgSnapshot org = new OrgCollector(client).collect("acme", meter);
    List<RepoSnapshot> repos = new RepoCollector(client, 2, 50).collect("acme", org.repositories(), Map.of(), meter);
    assertThat(repos.get(0).files().orNull()).hasSize(1);
    assertThat(repos.get(1).files()).isInstanceOfSatisfying(Readable.Unavailable.class,
        u -> assertThat(u.reason()).contains("left this repository out"));
  }

  @Test
  void anAnswerLackingARequiredFieldIsUnavailableNotItsDefault() {
    github.script("/orgs/acme/actions/permissions/workflow", new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"default_workflow_permissions\": \"read\"}"));
    OrgSnapshot org = new OrgCollector(client()).collect("acme", new ScanMeter());
    // Without the field, "Actions cannot approve pull requests" (false) would read as compliant.
    assertThat(org.workflowDefaults()).isInstanceOfSatisfying(Readable.Unavailable.class,
        u -> assertThat(u.reason()).contains("can_approve_pull_request_reviews"));
  }
}
