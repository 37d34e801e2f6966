package dev.gatehouse.web.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo organization: written for the demo (not copied from real projects), its repositories
 * and settings show every rule family — pull request code run with secrets, expression
 * injection, an AI agent fed issue text, unpinned and compromised actions, a GPU runner open to
 * forks, weak organization settings, and a setting the token may not read.
 */
public final class DemoOrganization {

  private DemoOrganization() {}

  public static DemoOrg build() {
    String org = DemoGitHubServer.ORG;
    List<DemoRepository> repos = List.of(
        repo(910_001, "web-storefront", "public", false, "2026-11-20T09:12:00Z", Map.of(
            ".github/workflows/pr-preview.yml", PR_PREVIEW,
            ".github/workflows/ci.yml", CI,
            ".github/actions/setup/action.yml", LOCAL_ACTION)),
        repo(910_002, "release-tooling", "public", false, "2026-11-18T16:40:00Z", Map.of(
            ".github/workflows/release.yml", RELEASE)),
        repo(910_003, "gpu-training", "public", false, "2026-11-25T22:05:00Z", Map.of(
            ".github/workflows/bench.yml", GPU_BENCH)),
        repo(910_004, "issue-triage-bot", "public", false, "2026-11-26T07:30:00Z", Map.of(
            ".github/workflows/triage.yml", TRIAGE)),
        repo(910_005, "payments-internal", "private", false, "2026-11-24T11:00:00Z", Map.of(
            ".github/workflows/deploy.yml", DEPLOY)),
        repo(910_006, "docs-site", "public", true, "2025-03-02T10:00:00Z", Map.of(
            ".github/workflows/pages.yml", "on: push\npermissions:\n  contents: read\njobs: {}\n")),
        new DemoRepository(910_007, org, "upstream-fork", "public", true, false, "master", "2026-10-01T08:00:00Z", Map.of()));

    Map<String, String> rest = new LinkedHashMap<>();
    String o = "/orgs/" + org + "/actions";
    rest.put(o + "/permissions", "{\"enabled_repositories\":\"all\",\"allowed_actions\":\"all\",\"sha_pinning_required\":false}");
    rest.put(o + "/permissions/workflow", "{\"default_workflow_permissions\":\"write\",\"can_approve_pull_request_reviews\":true}");
    rest.put(o + "/permissions/fork-pr-contributor-approval", "{\"approval_policy\":\"first_time_contributors\"}");
    rest.put(o + "/permissions/fork-pr-workflows-private-repos", "{\"run_workflows_from_fork_pull_requests\":true,"
        + "\"send_write_tokens_to_workflows\":false,\"send_secrets_and_variables\":true,\"require_approval_for_fork_pr_workflows\":false}");
    rest.put(o + "/permissions/self-hosted-runners", "{\"enabled_repositories\":\"all\"}");
    rest.put(o + "/runner-groups", "{\"total_count\":2,\"runner_groups\":["
        + "{\"id\":1,\"name\":\"Default\",\"visibility\":\"all\",\"default\":true,\"inherited\":false,\"allows_public_repositories\":true,"
        + "\"restricted_to_workflows\":false,\"selected_workflows\":[],\"workflow_restrictions_read_only\":false},"
        + "{\"id\":2,\"name\":\"gpu-lab\",\"visibility\":\"selected\",\"default\":false,\"inherited\":false,\"allows_public_repositories\":true,"
        + "\"restricted_to_workflows\":false,\"selected_workflows\":[],\"workflow_restrictions_read_only\":false}]}");
    rest.put(o + "/runner-groups/2/repositories", "{\"total_count\":1,\"repositories\":[{\"id\":910003,\"name\":\"gpu-training\","
        + "\"full_name\":\"" + org + "/gpu-training\"}]}");
    String gpuRunner = "{\"id\":41,\"name\":\"gpu-box-1\",\"os\":\"linux\",\"status\":\"online\",\"busy\":false,\"ephemeral\":false,"
        + "\"version\":\"2.330.0\",\"labels\":[{\"id\":1,\"name\":\"self-hosted\",\"type\":\"read-only\"},"
        + "{\"id\":2,\"name\":\"Linux\",\"type\":\"read-only\"},{\"id\":9,\"name\":\"gpu\",\"type\":\"custom\"}]}";
    String buildRunner = "{\"id\":42,\"name\":\"build-1\",\"os\":\"linux\",\"status\":\"offline\",\"busy\":false,\"ephemeral\":false,"
        + "\"version\":\"2.311.0\",\"labels\":[{\"id\":1,\"name\":\"self-hosted\",\"type\":\"read-only\"},"
        + "{\"id\":2,\"name\":\"Linux\",\"type\":\"read-only\"}]}";
    rest.put(o + "/runners", "{\"total_count\":2,\"runners\":[" + gpuRunner + "," + buildRunner + "]}");
    rest.put(o + "/runner-groups/1/runners", "{\"total_count\":1,\"runners\":[" + buildRunner + "]}");
    rest.put(o + "/runner-groups/2/runners", "{\"total_count\":1,\"runners\":[" + gpuRunner + "]}");
    for (DemoRepository r : repos) {
      String base = "/repos/" + r.fullName();
      rest.put(base + "/actions/permissions", "{\"enabled\":true,\"allowed_actions\":\"all\",\"sha_pinning_required\":false}");
      rest.put(base + "/actions/permissions/workflow", "{\"default_workflow_permissions\":\"write\",\"can_approve_pull_request_reviews\":false}");
      if (!r.name().equals("payments-internal")) {
        // payments-internal's runners are left out on purpose: a token without admin on it gets 404.
        rest.put(base + "/actions/runners", "{\"total_count\":0,\"runners\":[]}");
      }
      if ("private".equals(r.visibility())) {
        rest.put(base + "/actions/permissions/fork-pr-workflows-private-repos", "{\"run_workflows_from_fork_pull_requests\":true,"
            + "\"send_write_tokens_to_workflows\":true,\"send_secrets_and_variables\":true,\"require_approval_for_fork_pr_workflows\":false}");
        rest.put(base + "/actions/permissions/access", "{\"access_level\":\"organization\"}");
      }
    }
    rest.put("/repos/" + org + "/release-tooling/environments", "{\"total_count\":1,\"environments\":[{\"id\":1,\"name\":\"release\","
        + "\"protection_rules\":[],\"deployment_branch_policy\":null}]}");
    rest.put("/repos/" + org + "/payments-internal/environments", "{\"total_count\":1,\"environments\":[{\"id\":2,\"name\":\"production\","
        + "\"protection_rules\":[{\"id\":3,\"type\":\"required_reviewers\",\"prevent_self_review\":true,\"reviewers\":"
        + "[{\"type\":\"Team\",\"reviewer\":{\"slug\":\"payments-leads\"}}]}],\"deployment_branch_policy\":null}]}");
    return new DemoOrg(org, 9_000_001L, repos, rest);
  }

  private static DemoRepository repo(long id, String name, String visibility, boolean archived, String pushedAt, Map<String, String> files) {
    return new DemoRepository(id, DemoGitHubServer.ORG, name, visibility, false, archived, "main", pushedAt, files);
  }


  private static final String PR_PREVIEW = """
      name: PR preview
      on:
        pull_request_target:
          types: [opened, synchronize]
      permissions:
        contents: write
        pull-requests: write
      jobs:
        preview:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
              with:
                ref: ${{ github.event.pull_request.head.sha }}
            - uses: ./.github/actions/setup
            - run: npm ci && npm run build
              env:
                DEPLOY_TOKEN: ${{ secrets.PREVIEW_DEPLOY_TOKEN }}
            - run: echo "Preview for ${{ github.event.pull_request.title }} is ready"
      """;

  private static final String CI = """
      name: CI
      on: [push, pull_request]
      jobs:
        test:
          runs-on: ubuntu-latest
          container:
            image: registry.example.com/storefront/node:20
            credentials:
              username: ci-bot
              password: hunter2-not-a-secret
          services:
            redis:
              image: redis:7
          steps:
            - uses: actions/checkout@v4
            - uses: some-org/setup-node-cache@main
            - run: npm test
      """;

  private static final String LOCAL_ACTION = """
      name: Setup
      description: Install the storefront's toolchain.
      runs:
        using: composite
        steps:
          - shell: bash
            run: echo "Setting up ${{ github.event.pull_request.head.ref }}"
      """;

  private static final String RELEASE = """
      name: Release
      on:
        release:
          types: [published]
      permissions: write-all
      jobs:
        publish:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
            - uses: actions/cache@v4
              with:
                path: ~/.npm
                key: npm-${{ hashFiles('package-lock.json') }}
            - uses: tj-actions/changed-files@v44
              id: changed
            - run: npm publish
              env:
                NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
            - run: echo '${{ toJSON(secrets) }}' > /tmp/all-secrets.json
        notify:
          needs: publish
          uses: gatehouse-demo/shared-workflows/.github/workflows/notify.yml@main
          secrets: inherit
      """;

  private static final String GPU_BENCH = """
      name: GPU benchmarks
      on:
        pull_request:
      permissions:
        contents: read
      jobs:
        bench:
          runs-on: [self-hosted, gpu]
          steps:
            - uses: actions/checkout@v4
              with:
                persist-credentials: false
            - run: python bench.py
      """;

  private static final String TRIAGE = """
      name: Issue triage
      on:
        issues:
          types: [opened]
        issue_comment:
          types: [created]
      env:
        ACTIONS_ALLOW_UNSECURE_COMMANDS: true
      jobs:
        triage:
          if: |
            ${{ github.event.issue.pull_request == null }}
          runs-on: ubuntu-latest
          permissions:
            issues: write
            contents: write
          steps:
            - run: echo "TITLE=${{ github.event.issue.title }}" >> "$GITHUB_ENV"
            - uses: anthropics/claude-code-action@v1
              with:
                anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}
                prompt: "Label this issue: ${{ github.event.issue.body }}"
                claude_args: "--allowedTools Bash"
        auto-merge:
          if: github.actor == 'dependabot[bot]'
          runs-on: ubuntu-latest
          permissions:
            contents: write
          steps:
            - run: gh pr merge --auto "${{ github.event.issue.number }}"
      """;

  private static final String DEPLOY = """
      name: Deploy
      on:
        workflow_run:
          workflows: [Build]
          types: [completed]
      jobs:
        deploy:
          runs-on: ubuntu-latest
          environment: production
          steps:
            - uses: actions/download-artifact@v4
              with:
                run-id: ${{ github.event.workflow_run.id }}
                github-token: ${{ secrets.GITHUB_TOKEN }}
            - run: tar xzf site.tgz && ./deploy.sh
      """;
}
