package dev.gatehouse.scanner.collect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.OrgInfo;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.SelectedActions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one organization: its repositories (GraphQL, 100 per page, with each default branch's
 * head commit), its Actions settings, runner groups and runners. Reports only what GitHub said,
 * including what it would not say.
 */
public final class OrgCollector {

  static final String REPOSITORIES_QUERY = """
      query OrgRepos($org: String!, $cursor: String) {
        rateLimit { cost remaining resetAt }
        organization(login: $org) {
          repositories(first: 100, after: $cursor, orderBy: {field: NAME, direction: ASC}) {
            pageInfo { hasNextPage endCursor }
            nodes {
              databaseId id name nameWithOwner isArchived isFork isEmpty visibility pushedAt url
              defaultBranchRef { name target { oid } }
            }
          }
        }
      }""";

  private final GitHubClient github;

  public OrgCollector(GitHubClient github) {
    this.github = github;
  }

  public OrgSnapshot collect(String org, ScanMeter meter) {
    List<RepositoryInfo> repositories = repositories(org, meter);
    String base = "/orgs/" + org + "/actions/permissions";
    Readable<ActionsPermissions> permissions = github.get(base, meter, org).map(Settings::permissions);
    Readable<SelectedActions> selected = selectedActions(permissions, base + "/selected-actions", meter, org);
    Readable<List<RunnerGroup>> groups = runnerGroups(org, meter);
    Readable<OrgInfo> info = github.get("/orgs/" + org, meter, org).map(Settings::orgInfo);
    return new OrgSnapshot(org, info, repositories, permissions, selected,
        github.get(base + "/workflow", meter, org).map(Settings::workflowDefaults),
        github.get(base + "/fork-pr-contributor-approval", meter, org).map(j -> j.path("approval_policy").asText(null)),
        github.get(base + "/fork-pr-workflows-private-repos", meter, org).map(Settings::privateForkPr),
        github.get(base + "/self-hosted-runners", meter, org).map(j -> j.path("enabled_repositories").asText(null)),
        groups, runners(org, groups, meter));
  }

  /** Read only in {@code selected} mode: in other modes GitHub answers 409 and there is no list. */
  Readable<SelectedActions> selectedActions(Readable<ActionsPermissions> permissions, String path, ScanMeter meter, String org) {
    if (!(permissions instanceof Readable.Available<ActionsPermissions> p)) {
      return Readable.unavailable(-1, "depends on the Actions permissions, which could not be read: " + permissions.reason());
    }
    if (!"selected".equals(p.value().allowedActions())) {
      return Readable.notApplicable("allowed_actions is " + p.value().allowedActions() + ", so there is no allowlist");
    }
    Readable<JsonNode> answer = github.get(path, meter, org);
    if (answer instanceof Readable.Unavailable<JsonNode> u && u.status() == 409) {
      return Readable.notApplicable("GitHub reports the allowlist is not in use (409)");
    }
    return answer.map(Settings::selectedActions);
  }

  List<RepositoryInfo> repositories(String org, ScanMeter meter) {
    List<RepositoryInfo> repositories = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("org", org);
      variables.put("cursor", cursor);
      JsonNode data = github.graphql(REPOSITORIES_QUERY, variables, meter, org);
      JsonNode connection = data.path("organization").path("repositories");
      if (data.path("organization").isNull() || connection.isMissingNode()) {
        throw new GitHubReadException("organization '" + org + "' not found or not visible to these credentials", 404, null);
      }
      for (JsonNode n : connection.path("nodes")) {
        repositories.add(repository(n));
      }
      JsonNode page = connection.path("pageInfo");
      cursor = page.path("hasNextPage").asBoolean(false) ? page.path("endCursor").asText(null) : null;
    } while (cursor != null);
    return repositories;
  }

  static RepositoryInfo repository(JsonNode n) {
    JsonNode branch = n.path("defaultBranchRef");
    String head = branch.path("target").path("oid").asText(null);
    String pushed = n.path("pushedAt").asText(null);
    return new RepositoryInfo(n.path("databaseId").asLong(), n.path("id").asText(null), n.path("name").asText(),
        n.path("nameWithOwner").asText(), n.path("visibility").asText("PRIVATE").toLowerCase(Locale.ROOT),
        n.path("isFork").asBoolean(false), n.path("isArchived").asBoolean(false),
        branch.isNull() || branch.isMissingNode() ? null : branch.path("name").asText(null),
        pushed == null ? null : Instant.parse(pushed), n.path("url").asText(null), head);
  }

  private Readable<List<RunnerGroup>> runnerGroups(String org, ScanMeter meter) {
    Readable<List<JsonNode>> groups = github.getPages("/orgs/" + org + "/actions/runner-groups?per_page=100", "runner_groups", meter, org);
    return groups.map(list -> {
      List<RunnerGroup> result = new ArrayList<>();
      for (JsonNode g : list) {
        Readable<List<String>> repos = "selected".equals(g.path("visibility").asText())
            ? github.getPages("/orgs/" + org + "/actions/runner-groups/" + g.path("id").asLong() + "/repositories?per_page=100",
                "repositories", meter, org).map(r -> r.stream().map(x -> x.path("full_name").asText()).toList())
            : Readable.notApplicable("group visibility is " + g.path("visibility").asText());
        result.add(Settings.runnerGroup(g, repos));
      }
      return result;
    });
  }

  /** Org runners, with the group each belongs to (read from each group's runner list). */
  private Readable<List<Runner>> runners(String org, Readable<List<RunnerGroup>> groups, ScanMeter meter) {
    Readable<List<JsonNode>> runners = github.getPages("/orgs/" + org + "/actions/runners?per_page=100", "runners", meter, org);
    Map<Long, Long> groupOf = new LinkedHashMap<>();
    if (groups instanceof Readable.Available<List<RunnerGroup>> g && runners.available() && !runners.orNull().isEmpty()) {
      for (RunnerGroup group : g.value()) {
        List<JsonNode> members = github.getPages("/orgs/" + org + "/actions/runner-groups/" + group.id() + "/runners?per_page=100",
            "runners", meter, org).orNull();
        if (members != null) {
          members.forEach(r -> groupOf.put(r.path("id").asLong(), group.id()));
        }
      }
    }
    return runners.map(list -> list.stream().map(r -> Settings.runner(r, groupOf.get(r.path("id").asLong()))).toList());
  }
}
