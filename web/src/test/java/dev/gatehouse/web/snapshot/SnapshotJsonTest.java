package dev.gatehouse.web.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.collect.GitHubClient;
import dev.gatehouse.scanner.collect.OrgCollector;
import dev.gatehouse.scanner.collect.RepoCollector;
import dev.gatehouse.scanner.collect.ScanMeter;
import dev.gatehouse.scanner.collect.TokenSource;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.web.demo.DemoGitHubServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

  @Test
  void snapshotsRoundTripWithUnavailableAndNotApplicableValuesKept() {
    try (DemoGitHubServer server = DemoGitHubServer.start()) {
      GitHubClient client = GitHubClient.builder(server.apiUrl(), TokenSource.fixed(null)).build();
      OrgSnapshot org = new OrgCollector(client).collect(DemoGitHubServer.ORG, new ScanMeter());
      List<RepoSnapshot> repos = new RepoCollector(client, 2, 50).collect(DemoGitHubServer.ORG, org.repositories(), Map.of(), new ScanMeter());

      OrgSnapshot back = SnapshotJson.org(SnapshotJson.write(org));
      assertThat(back).isEqualTo(org);
      assertThat(back.selectedActions()).isInstanceOf(Readable.NotApplicable.class);
      assertThat(back.workflowDefaults().orNull().defaultWorkflowPermissions()).isEqualTo("write");
      for (RepoSnapshot repo : repos) {
        assertThat(SnapshotJson.repo(SnapshotJson.write(repo))).isEqualTo(repo);
      }
      RepoSnapshot payments = repos.stream().filter(r -> r.repository().name().equals("payments-internal")).findFirst().orElseThrow();
      assertThat(SnapshotJson.repo(SnapshotJson.write(payments)).runners())
          .isInstanceOfSatisfying(Readable.Unavailable.class, u -> assertThat(u.status()).isEqualTo(404));
    }
  }
}
