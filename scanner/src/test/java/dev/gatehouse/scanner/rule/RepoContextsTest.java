package dev.gatehouse.scanner.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.ActionInventory;
import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which organization runners can serve a repository, from GitHub's group visibilities. */
class RepoContextsTest {

  static final Runner IN_PRIVATE_GROUP = new Runner(1, "priv-1", "linux", "online", false, false, "2.330.0", List.of("self-hosted"), 10L);
  static final Runner IN_SELECTED_GROUP = new Runner(2, "sel-1", "linux", "online", false, false, "2.330.0", List.of("self-hosted"), 20L);

  static RepositoryInfo repo(String visibility) {
    return new RepositoryInfo(1, "R1", "app", "acme/app", visibility, false, false, "main", Instant.EPOCH, null, "a".repeat(40));
  }

  static Readable<List<Runner>> runnersOf(String visibility, Readable<List<String>> selected) {
    List<RunnerGroup> groups = List.of(
        new RunnerGroup(10, "private-pool", "private", false, false, false, false, List.of(), Readable.notApplicable("private")),
        new RunnerGroup(20, "selected-pool", "selected", false, false, true, false, List.of(), selected));
    RepositoryInfo info = repo(visibility);
    OrgSnapshot org = new OrgSnapshot("acme", Readable.notApplicable("-"), List.of(info), Readable.notApplicable("-"),
        Readable.notApplicable("-"), Readable.notApplicable("-"), Readable.notApplicable("-"), Readable.notApplicable("-"),
        Readable.notApplicable("-"), Readable.of(groups), Readable.of(List.of(IN_PRIVATE_GROUP, IN_SELECTED_GROUP)));
    RepoSnapshot snapshot = new RepoSnapshot(info, info.headSha(), false, Readable.of(List.of()), Readable.notApplicable("-"),
        Readable.notApplicable("-"), Readable.notApplicable("-"), Readable.notApplicable("-"), Readable.notApplicable("-"),
        Readable.notApplicable("-"), Readable.of(List.of()), Readable.notApplicable("-"));
    return RepoContexts.runners(new OrgScan(org, List.of(snapshot), Map.of(), new ActionInventory(List.of()), Map.of(), Instant.EPOCH),
        snapshot);
  }

  @Test
  void aPrivateGroupServesPrivateRepositoriesOnly() {
    assertThat(runnersOf("private", Readable.of(List.of("acme/app"))).orNull()).containsExactlyInAnyOrder(IN_PRIVATE_GROUP, IN_SELECTED_GROUP);
    assertThat(runnersOf("public", Readable.of(List.of("acme/app"))).orNull()).containsExactly(IN_SELECTED_GROUP);
  }

  @Test
  void aSelectedGroupWhoseRepositoriesCouldNotBeReadLeavesTheRunnersUnknown() {
    Readable<List<Runner>> runners = runnersOf("public", Readable.unavailable(403, "Resource not accessible by integration"));
    assertThat(runners).isInstanceOfSatisfying(Readable.Unavailable.class,
        u -> assertThat(u.reason()).contains("selected-pool").contains("Resource not accessible"));
  }
}
