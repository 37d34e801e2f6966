package dev.gatehouse.web.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.PrivateForkPrSettings;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import dev.gatehouse.scanner.rule.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

  static RepositoryInfo repo(long id, String name, String visibility) {
    return new RepositoryInfo(id, "R" + id, name, "acme/" + name, visibility, false, false, "main", Instant.EPOCH, null, "a".repeat(40));
  }

  static RunnerGroup group(long id, boolean publicRepos, String visibility) {
    return new RunnerGroup(id, "g" + id, visibility, id == 1, false, publicRepos, true, List.of(), Readable.notApplicable("-"));
  }

  static OrgSnapshot snapshot(String token, List<RepositoryInfo> repos, List<RunnerGroup> groups, List<Runner> runners, List<String> allowlist) {
    return new OrgSnapshot("acme", Readable.notApplicable("-"), repos,
        Readable.of(new ActionsPermissions("all", null, "selected", false)),
        Readable.of(new SelectedActions(true, false, allowlist)),
        Readable.of(new WorkflowTokenDefaults(token, false)),
        Readable.of("all_external_contributors"),
        Readable.of(new PrivateForkPrSettings(false, false, false, true)),
        Readable.of("selected"), Readable.of(groups), Readable.of(runners));
  }

  @Test
  void reportsExactlyWhatChangedWithBeforeAndAfter() {
    Runner old = new Runner(1, "linux-1", "linux", "online", false, true, "2.330.0", List.of("self-hosted", "linux"), 1L);
    Runner gpu = new Runner(2, "gpu-1", "linux", "online", false, false, "2.330.0", List.of("self-hosted", "gpu"), 2L);
    OrgSnapshot before = snapshot("read", List.of(repo(1, "web", "public"), repo(2, "internal-tools", "private")),
        List.of(group(1, false, "selected"), group(2, false, "selected")), List.of(old), List.of("docker/*"));
    OrgSnapshot after = snapshot("write", List.of(repo(1, "web", "public"), repo(2, "internal-tools", "public"), repo(3, "new-svc", "private")),
        List.of(group(1, false, "selected"), group(2, true, "selected")), List.of(gpu), List.of("docker/*", "evil/*"));

    List<DriftEvent> events = DriftDetector.compare(before, after);
    assertThat(events).extracting(DriftEvent::kind).containsExactlyInAnyOrder(
        "setting-changed", "allowlist-entry-added", "repository-made-public", "repository-added",
        "runner-group-widened", "runner-registered", "runner-removed");
    DriftEvent token = events.stream().filter(e -> e.kind().equals("setting-changed")).findFirst().orElseThrow();
    assertThat(token.subject()).isEqualTo("acme:default_workflow_permissions");
    assertThat(token.before()).isEqualTo("read");
    assertThat(token.after()).isEqualTo("write");
    assertThat(token.severity()).isEqualTo(Severity.HIGH);
    assertThat(events).filteredOn(e -> e.kind().equals("runner-registered"))
        .singleElement().satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.HIGH));
    assertThat(events).filteredOn(e -> e.kind().equals("allowlist-entry-added"))
        .singleElement().satisfies(e -> assertThat(e.after()).isEqualTo("evil/*"));
  }

  @Test
  void removedAndRenamedRepositoriesAreReported() {
    OrgSnapshot before = snapshot("read", List.of(repo(1, "web", "public"), repo(2, "legacy", "private"), repo(3, "api", "public")),
        List.of(), List.of(), List.of());
    RepositoryInfo renamed = new RepositoryInfo(3, "R3", "api-gateway", "acme/api-gateway", "public", false, false, "main",
        Instant.EPOCH, null, "a".repeat(40));
    OrgSnapshot after = snapshot("read", List.of(repo(1, "web", "public"), renamed), List.of(), List.of(), List.of());
    List<DriftEvent> events = DriftDetector.compare(before, after);
    assertThat(events).extracting(DriftEvent::kind).containsExactlyInAnyOrder("repository-removed", "repository-renamed");
    assertThat(events).filteredOn(e -> e.kind().equals("repository-removed")).singleElement()
        .satisfies(e -> assertThat(e.subject()).isEqualTo("acme/legacy"));
    assertThat(events).filteredOn(e -> e.kind().equals("repository-renamed")).singleElement().satisfies(e -> {
      assertThat(e.before()).isEqualTo("acme/api");
      assertThat(e.after()).isEqualTo("acme/api-gateway");
    });
  }

  @Test
  void identicalScansHaveNoDriftAndUnreadableSettingsAreNotCompared() {
    OrgSnapshot a = snapshot("read", List.of(repo(1, "web", "public")), List.of(group(1, false, "selected")), List.of(), List.of());
    assertThat(DriftDetector.compare(a, a)).isEmpty();
    OrgSnapshot blind = new OrgSnapshot("acme", a.info(), a.repositories(), a.actionsPermissions(), a.selectedActions(),
        Readable.unavailable(403, "403"), a.forkPrApprovalPolicy(), a.privateForkPr(), a.selfHostedRunnersRepositories(),
        Readable.unavailable(403, "403"), Readable.unavailable(403, "403"));
    assertThat(DriftDetector.compare(a, blind)).isEmpty();
    assertThat(DriftDetector.compare(blind, a)).isEmpty();
  }

  @Test
  void aStrongerSettingIsLowAndAWeakerApprovalIsHigh() {
    OrgSnapshot base = snapshot("write", List.of(), List.of(), List.of(), List.of());
    OrgSnapshot safer = snapshot("read", List.of(), List.of(), List.of(), List.of());
    assertThat(DriftDetector.compare(base, safer)).singleElement().satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.LOW));
    OrgSnapshot weaker = new OrgSnapshot("acme", base.info(), base.repositories(), base.actionsPermissions(), base.selectedActions(),
        base.workflowDefaults(), Readable.of("first_time_contributors"), base.privateForkPr(), base.selfHostedRunnersRepositories(),
        base.runnerGroups(), base.runners());
    assertThat(DriftDetector.compare(base, weaker)).singleElement().satisfies(e -> {
      assertThat(e.subject()).isEqualTo("acme:approval_policy");
      assertThat(e.severity()).isEqualTo(Severity.HIGH);
    });
  }
}
