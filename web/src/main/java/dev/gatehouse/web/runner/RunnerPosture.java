package dev.gatehouse.web.runner;

import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.web.alert.AlertEntity;
import dev.gatehouse.web.posture.Readability;
import dev.gatehouse.web.scan.CompletedScans;
import dev.gatehouse.web.scan.PerScanCache;
import dev.gatehouse.web.snapshot.SnapshotStore;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Self-hosted runners of an organization in its latest completed scan: runner groups and who can
 * reach them, organization and repository runners, which of them public repositories (and so
 * fork pull requests) can reach, and the runner drift alerts raised over time.
 */
@ApplicationScoped
public class RunnerPosture {

  /** The drift alert kinds DriftDetector raises for runners and runner groups. */
  static final List<String> CHANGE_KINDS = List.of("runner-registered", "runner-removed", "runner-moved", "runner-group-widened");
  private static final int CHANGES = 200;
  private static final int EXAMPLES = 5;

  /**
   * @param repositories the selected repositories (empty unless visibility is selected and they were read)
   * @param publicRepositories how many public repositories can send jobs to the group (0 when unknown)
   * @param exposure whether public repositories can send jobs to it; unknown when its selected repositories are unreadable
   */
  public record GroupView(long id, String name, String visibility, boolean isDefault, boolean inherited,
      boolean allowsPublicRepositories, boolean restrictedToWorkflows, List<String> selectedWorkflows,
      List<String> repositories, Readability repositoriesReadability, int publicRepositories, List<String> publicExamples,
      Exposure exposure, int runners) {}

  /** {@code scope} is "organization" or the repository a runner is registered to. Template data: rows of an included table. */
  @TemplateData
  public record RunnerView(long id, String name, String os, String status, boolean busy, boolean ephemeral, String version,
      List<String> labels, String group, String scope, Exposure exposure) {}

  public record Change(long alertId, long scanId, Instant at, String kind, String severity, String subject, String before,
      String after, String message) {}

  /** Repositories whose runners could not be read, grouped by GitHub's answer. */
  public record Unread(String explanation, int repositories, List<String> examples) {}

  public record Report(String organization, long scanId, Instant scannedAt, Readability groupsReadability, List<GroupView> groups,
      Readability runnersReadability, List<RunnerView> runners, List<RunnerView> repositoryRunners, List<Unread> repositoriesUnread,
      List<Change> changes) {}

  private final CompletedScans scans;
  private final SnapshotStore snapshots;

  RunnerPosture(CompletedScans scans, SnapshotStore snapshots) {
    this.scans = scans;
    this.snapshots = snapshots;
  }

  /** What the repository snapshots say (read once per scan); groups, org runners and changes are read each time. */
  private record RepoRunners(List<RunnerView> runners, List<Unread> unread) {}

  private final PerScanCache<RepoRunners> repoRunners = new PerScanCache<>();

  @Transactional
  public Optional<Report> of(String org) {
    return scans.latest(org).map(scan -> {
      OrgSnapshot snapshot = snapshots.org(scan.id());
      RepoRunners fromRepos = repoRunners.get(org, scan.id(), () -> {
        List<RepoSnapshot> repos = snapshots.repos(scan.id(), false);
        return new RepoRunners(repositoryRunners(repos), unread(repos));
      });
      List<RunnerGroup> groups = snapshot.runnerGroups().orNull();
      List<Runner> runners = snapshot.runners().orNull();
      Map<Long, GroupView> views = new LinkedHashMap<>();
      if (groups != null) {
        for (RunnerGroup g : groups) {
          views.put(g.id(), group(g, snapshot.repositories(), runners));
        }
      }
      List<RunnerView> orgRunners = runners == null ? List.of() : runners.stream().map(r -> orgRunner(r, views)).toList();
      return new Report(org, scan.id(), scan.closedAt(), Readability.of(snapshot.runnerGroups()), List.copyOf(views.values()),
          Readability.of(snapshot.runners()), orgRunners, fromRepos.runners(), fromRepos.unread(), changes(scan.organizationId()));
    });
  }

  static GroupView group(RunnerGroup g, List<RepositoryInfo> repositories, List<Runner> runners) {
    Set<String> publicNames = repositories.stream().filter(r -> r.isPublic() && !r.archived())
        .map(RepositoryInfo::fullName).collect(Collectors.toCollection(TreeSet::new));
    List<String> selected = g.selectedRepositories().orNull();
    boolean selectedOnly = "selected".equals(g.visibility());
    List<String> reachablePublic = "all".equals(g.visibility())
        ? List.copyOf(publicNames)
        : selectedOnly && selected != null ? selected.stream().filter(publicNames::contains).sorted().toList() : List.of();
    List<String> publicReach = g.allowsPublicRepositories() ? reachablePublic : List.of();
    // A "private" group serves private repositories only; a "selected" one we could not read may serve anything.
    Exposure exposure = !publicReach.isEmpty() ? Exposure.EXPOSED
        : g.allowsPublicRepositories() && selectedOnly && selected == null ? Exposure.UNKNOWN
        : Exposure.NOT_EXPOSED;
    int members = runners == null ? 0 : (int) runners.stream().filter(r -> Long.valueOf(g.id()).equals(r.groupId())).count();
    return new GroupView(g.id(), g.name(), g.visibility(), g.isDefault(), g.inherited(), g.allowsPublicRepositories(),
        g.restrictedToWorkflows(), g.selectedWorkflows(), selected == null ? List.of() : selected,
        Readability.of(g.selectedRepositories()), publicReach.size(), publicReach.stream().limit(EXAMPLES).toList(),
        exposure, members);
  }

  /** An organization runner is as exposed as its group; unknown when its group could not be read. */
  static RunnerView orgRunner(Runner r, Map<Long, GroupView> groups) {
    GroupView group = r.groupId() == null ? null : groups.get(r.groupId());
    return new RunnerView(r.id(), r.name(), r.os(), r.status(), r.busy(), r.ephemeral(), r.version(), r.labels(),
        group == null ? null : group.name(), "organization", group == null ? Exposure.UNKNOWN : group.exposure());
  }

  static List<RunnerView> repositoryRunners(List<RepoSnapshot> repos) {
    List<RunnerView> result = new ArrayList<>();
    for (RepoSnapshot repo : repos) {
      for (Runner r : repo.runners().orNull() == null ? List.<Runner>of() : repo.runners().orNull()) {
        result.add(new RunnerView(r.id(), r.name(), r.os(), r.status(), r.busy(), r.ephemeral(), r.version(), r.labels(), null,
            repo.repository().fullName(),
            repo.repository().isPublic() && !repo.repository().archived() ? Exposure.EXPOSED : Exposure.NOT_EXPOSED));
      }
    }
    return result;
  }

  static List<Unread> unread(List<RepoSnapshot> repos) {
    Map<String, TreeSet<String>> byReason = new HashMap<>();
    for (RepoSnapshot repo : repos) {
      if (repo.runners() instanceof Readable.Unavailable<?>) {
        byReason.computeIfAbsent(Readability.of(repo.runners()).explanation(), k -> new TreeSet<>()).add(repo.repository().fullName());
      }
    }
    return byReason.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> new Unread(e.getKey(), e.getValue().size(), e.getValue().stream().limit(EXAMPLES).toList())).toList();
  }

  private static List<Change> changes(long organizationId) {
    return AlertEntity.<AlertEntity>find("organizationId = ?1 and kind in ?2 order by createdAt desc, id desc", organizationId,
            CHANGE_KINDS).page(0, CHANGES).list().stream()
        .map(a -> new Change(a.id, a.scanId, a.createdAt, a.kind, a.severity, a.subject, a.before, a.after, a.message)).toList();
  }
}
