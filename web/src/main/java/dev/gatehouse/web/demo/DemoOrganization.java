package dev.gatehouse.web.demo;

import java.util.List;

/** The repositories of the demo organization; each one is written to show one family of risks. */
final class DemoOrganization {

  private DemoOrganization() {}

  static List<DemoRepository> repositories() {
    String org = DemoGitHubServer.ORG;
    return List.of(
        new DemoRepository(910_001, org, "web-storefront", "public", false, false, "main", "2026-11-20T09:12:00Z"),
        new DemoRepository(910_002, org, "release-tooling", "public", false, false, "main", "2026-11-18T16:40:00Z"),
        new DemoRepository(910_003, org, "gpu-training", "public", false, false, "trunk", "2026-11-25T22:05:00Z"),
        new DemoRepository(910_004, org, "issue-triage-bot", "public", false, false, "main", "2026-11-26T07:30:00Z"),
        new DemoRepository(910_005, org, "payments-internal", "private", false, false, "main", "2026-11-24T11:00:00Z"),
        new DemoRepository(910_006, org, "docs-site", "public", false, true, "gh-pages", "2025-03-02T10:00:00Z"),
        new DemoRepository(910_007, org, "upstream-fork", "public", true, false, "master", "2026-10-01T08:00:00Z"));
  }
}
