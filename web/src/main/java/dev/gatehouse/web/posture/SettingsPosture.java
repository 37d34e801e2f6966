package dev.gatehouse.web.posture;

import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.policy.Posture;
import dev.gatehouse.web.policy.PolicyHolder;
import dev.gatehouse.web.scan.CompletedScans;
import dev.gatehouse.web.scan.PerScanCache;
import dev.gatehouse.web.snapshot.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An organization's Actions settings in its latest completed scan, each against the policy's
 * posture, and the repositories whose own settings differ from the organization's. A setting that
 * could not be read is "not evaluated" with GitHub's answer, never compliant.
 */
@ApplicationScoped
public class SettingsPosture {

  /** A repository setting that differs from the organization's; {@code deviates} when the repository's value misses the policy. */
  public record OverriddenSetting(String field, String label, String organization, String repository, boolean deviates) {}

  public record RepoOverrides(String repository, String visibility, List<OverriddenSetting> settings) {}

  /** Repository settings that could not be compared with the organization's, grouped by GitHub's answer. */
  public record NotCompared(String explanation, int repositories, List<String> settings, List<String> examples) {}

  public record Report(String organization, long scanId, Instant scannedAt, String policySource, List<SettingCheck> settings,
      List<RepoOverrides> overrides, List<NotCompared> notCompared) {}

  private static final int EXAMPLES = 5;

  private final CompletedScans scans;
  private final SnapshotStore snapshots;
  private final PolicyHolder policy;

  SettingsPosture(CompletedScans scans, SnapshotStore snapshots, PolicyHolder policy) {
    this.scans = scans;
    this.snapshots = snapshots;
    this.policy = policy;
  }

  /** Reports depend only on the scan's snapshots and the policy, which is fixed for the process. */
  private final PerScanCache<Report> reports = new PerScanCache<>();

  @Transactional
  public Optional<Report> of(String org) {
    return scans.latest(org).map(scan -> reports.get(org, scan.id(), () -> {
      OrgSnapshot snapshot = snapshots.org(scan.id());
      List<RepoSnapshot> repos = snapshots.repos(scan.id(), false);
      Posture posture = policy.current().posture();
      SettingsSource orgSource = SettingsSource.of(snapshot);
      List<SettingCheck> checks = ActionsSettings.ALL.stream().map(s -> s.check(orgSource, posture)).toList();
      return new Report(org, scan.id(), scan.closedAt(), policy.source(), checks, overrides(orgSource, repos, posture),
          notCompared(repos));
    }));
  }

  static List<RepoOverrides> overrides(SettingsSource org, List<RepoSnapshot> repos, Posture posture) {
    List<RepoOverrides> result = new ArrayList<>();
    for (RepoSnapshot repo : repos) {
      SettingsSource own = SettingsSource.of(repo);
      List<OverriddenSetting> differing = new ArrayList<>();
      for (Setting setting : ActionsSettings.ALL) {
        String orgValue = setting.valueOf(org);
        String repoValue = setting.valueOf(own);
        if (!setting.orgOnly() && orgValue != null && repoValue != null && !Objects.equals(orgValue, repoValue)) {
          boolean deviates = setting.check(own, posture).status() == SettingCheck.Status.DEVIATES;
          differing.add(new OverriddenSetting(setting.field(), setting.label(), orgValue, repoValue, deviates));
        }
      }
      if (!differing.isEmpty()) {
        result.add(new RepoOverrides(repo.repository().fullName(), repo.repository().visibility(), differing));
      }
    }
    return result;
  }

  static List<NotCompared> notCompared(List<RepoSnapshot> repos) {
    Map<String, Set<String>> settings = new LinkedHashMap<>();
    Map<String, TreeSet<String>> repositories = new LinkedHashMap<>();
    for (RepoSnapshot repo : repos) {
      SettingsSource own = SettingsSource.of(repo);
      for (Setting setting : ActionsSettings.ALL) {
        Readable<String> value = setting.read().apply(own);
        if (!setting.orgOnly() && value instanceof Readable.Unavailable<String>) {
          String why = Readability.of(value).explanation();
          settings.computeIfAbsent(why, k -> new LinkedHashSet<>()).add(setting.label());
          repositories.computeIfAbsent(why, k -> new TreeSet<>()).add(repo.repository().fullName());
        }
      }
    }
    List<NotCompared> result = new ArrayList<>();
    settings.forEach((why, labels) -> {
      TreeSet<String> names = repositories.get(why);
      result.add(new NotCompared(why, names.size(), List.copyOf(labels), names.stream().limit(EXAMPLES).toList()));
    });
    return result;
  }
}
