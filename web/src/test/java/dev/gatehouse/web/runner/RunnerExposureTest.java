package dev.gatehouse.web.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which runner groups and runners public repositories can reach, and when that cannot be told. */
class RunnerExposureTest {

  private static final List<RepositoryInfo> REPOS = List.of(repo(1, "acme/site", "public", false),
      repo(2, "acme/old-site", "public", true), repo(3, "acme/payments", "private", false));

  @Test
  void aGroupForAllRepositoriesIsReachableFromEveryActivePublicOne() {
    RunnerPosture.GroupView view = RunnerPosture.group(group("all", true, Readable.notApplicable("visibility all")), REPOS, List.of());
    assertThat(view.exposure()).isEqualTo(Exposure.EXPOSED);
    assertThat(view.publicExamples()).containsExactly("acme/site");
  }

  @Test
  void aGroupThatRefusesPublicRepositoriesOrServesPrivateOnesIsNotExposed() {
    assertThat(RunnerPosture.group(group("all", false, Readable.notApplicable("all")), REPOS, List.of()).exposure())
        .isEqualTo(Exposure.NOT_EXPOSED);
    assertThat(RunnerPosture.group(group("private", true, Readable.notApplicable("private")), REPOS, List.of()).exposure())
        .isEqualTo(Exposure.NOT_EXPOSED);
    assertThat(RunnerPosture.group(group("selected", true, Readable.of(List.of("acme/payments", "acme/old-site"))), REPOS,
        List.of()).exposure()).isEqualTo(Exposure.NOT_EXPOSED);
  }

  @Test
  void aSelectedGroupIsExposedThroughAPublicSelectedRepository() {
    RunnerPosture.GroupView view = RunnerPosture.group(group("selected", true, Readable.of(List.of("acme/payments", "acme/site"))),
        REPOS, List.of());
    assertThat(view.exposure()).isEqualTo(Exposure.EXPOSED);
    assertThat(view.publicRepositories()).isEqualTo(1);
  }

  @Test
  void aSelectedGroupWhoseRepositoriesCouldNotBeReadIsUnknownNotSafe() {
    RunnerGroup unreadable = group("selected", true, Readable.unavailable(403, "403 Forbidden (Resource not accessible by integration)"));
    RunnerPosture.GroupView view = RunnerPosture.group(unreadable, REPOS, List.of(runner(7L)));
    assertThat(view.exposure()).isEqualTo(Exposure.UNKNOWN);
    assertThat(view.repositoriesReadability().read()).isFalse();
    assertThat(RunnerPosture.orgRunner(runner(7L), Map.of(7L, view)).exposure()).isEqualTo(Exposure.UNKNOWN);
    // Unreadable repositories do not matter when the group refuses public repositories anyway.
    assertThat(RunnerPosture.group(group("selected", false, unreadable.selectedRepositories()), REPOS, List.of()).exposure())
        .isEqualTo(Exposure.NOT_EXPOSED);
  }

  @Test
  void anOrganizationRunnerOutsideEveryKnownGroupIsUnknown() {
    assertThat(RunnerPosture.orgRunner(runner(99L), Map.of()).exposure()).isEqualTo(Exposure.UNKNOWN);
    assertThat(RunnerPosture.orgRunner(runner(null), Map.of()).exposure()).isEqualTo(Exposure.UNKNOWN);
    RunnerPosture.GroupView safe = RunnerPosture.group(group("private", true, Readable.notApplicable("private")), REPOS, List.of());
    assertThat(RunnerPosture.orgRunner(runner(7L), Map.of(7L, safe)).exposure()).isEqualTo(Exposure.NOT_EXPOSED);
  }

  private static RunnerGroup group(String visibility, boolean allowsPublic, Readable<List<String>> selected) {
    return new RunnerGroup(7, "gpu", visibility, false, false, allowsPublic, false, List.of(), selected);
  }

  private static Runner runner(Long group) {
    return new Runner(1, "gpu-1", "Linux", "online", false, false, "2.330.0", List.of("self-hosted", "gpu"), group);
  }

  private static RepositoryInfo repo(long id, String fullName, String visibility, boolean archived) {
    return new RepositoryInfo(id, "R" + id, fullName.substring(5), fullName, visibility, false, archived, "main", Instant.EPOCH, null,
        "a".repeat(40));
  }
}
