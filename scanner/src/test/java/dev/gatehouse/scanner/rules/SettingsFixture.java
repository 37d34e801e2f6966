package dev.gatehouse.scanner.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.scanner.collect.Settings;
import dev.gatehouse.scanner.model.ActionInventory;
import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.model.WorkflowBlob;
import dev.gatehouse.scanner.parse.ParseResult;
import dev.gatehouse.scanner.parse.WorkflowParser;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.policy.PolicyLoader;
import dev.gatehouse.scanner.rule.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a settings fixture: YAML renderings of GitHub's API objects (the published shapes,
 * snake_case fields as GitHub sends them) for one organization and its repositories, into an
 * {@link OrgScan}, remembering the line of every object and field so findings map to lines.
 *
 * <pre>
 * # fixture: policy=example-policy.yml
 * at: 2026-11-27T00:00:00Z              # scan time (default 2026-11-27T12:00:00Z)
 * org:
 *   login: acme
 *   actions_permissions: {enabled_repositories: all, allowed_actions: selected, sha_pinning_required: false}
 *   selected_actions: {github_owned_allowed: true, verified_allowed: false, patterns_allowed: [docker/*]}
 *   workflow: {default_workflow_permissions: read, can_approve_pull_request_reviews: false}
 *   fork_pr_contributor_approval: {approval_policy: all_external_contributors}
 *   fork_pr_workflows_private_repos: {run_workflows_from_fork_pull_requests: false, ...}
 *   self_hosted_runners: {enabled_repositories: selected}
 *   runner_groups:
 *     - {id: 2, name: gpu, visibility: selected, allows_public_repositories: false,
 *        restricted_to_workflows: false, selected_repositories: [acme/ml]}
 *   runners:
 *     - {id: 23, name: gpu-1, os: linux, status: offline, ephemeral: false,
 *        labels: [{name: self-hosted}, {name: gpu}], runner_group_id: 2, offline_since: 2026-10-01T00:00:00Z}
 * repos:
 *   - name: web                          # full name acme/web
 *     visibility: public                 # default public; archived: true, empty: true also work
 *     actions_permissions: {enabled: true, allowed_actions: all}
 *     workflow: {unavailable: 403, reason: Resource not accessible by integration}
 *     environments: [{name: release, protection_rules: [{type: required_reviewers, reviewers: [...]}]}]
 *     workflows:
 *       ci.yml: |
 *         on: push
 *         ...
 * </pre>
 *
 * Any setting may be {@code {unavailable: STATUS, reason: ...}} or {@code {not_applicable: reason}};
 * a setting left out is unavailable ("not in fixture").
 */
public final class SettingsFixture {


  public record Loaded(OrgScan scan, Policy policy, Map<String, Integer> lines) {

    /** The fixture line a finding at {@code resource} / {@code field} points at, or -1. */
    public int line(String resource, String field) {
      if (field != null && !field.isEmpty() && lines.containsKey(resource + "#" + field)) {
        return lines.get(resource + "#" + field);
      }
      return lines.getOrDefault(resource, -1);
    }
  }

  private final Map<String, Integer> lines = new HashMap<>();

  private SettingsFixture() {}

  public static Loaded load(Path file) throws IOException {
    return new SettingsFixture().read(file);
  }

  private Loaded read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Node root = new Compose(LoadSettings.builder().setUseMarks(true).build()).composeString(text).orElseThrow();
    Map<String, Node> top = keys(root);
    Map<String, String> options = RuleHarness.options(file);
    Policy policy = options.containsKey("policy") ? PolicyLoader.load(file.resolveSibling(options.get("policy"))) : Policy.strict();
    Instant at = top.containsKey("at") ? Instant.parse(scalar(top.get("at"))) : Instant.parse("2026-11-27T12:00:00Z");
    Map<String, Node> orgNode = keys(top.get("org"));
    String org = orgNode.containsKey("login") ? scalar(orgNode.get("login")) : "acme";

    List<RepoSnapshot> repos = new ArrayList<>();
    Map<String, List<AuditedFile>> files = new LinkedHashMap<>();
    List<RepositoryInfo> infos = new ArrayList<>();
    Map<Long, Instant> offlineSince = new HashMap<>();
    int index = 0;
    for (Node repoNode : items(top.get("repos"))) {
      RepoSnapshot repo = repo(org, keys(repoNode), ++index, files, offlineSince);
      repos.add(repo);
      infos.add(repo.repository());
      lines.put("/repos/" + repo.repository().fullName(), line(repoNode));
    }

    Map<Long, Long> groupOf = new HashMap<>();
    List<RunnerGroup> groups = new ArrayList<>();
    Readable<List<RunnerGroup>> groupsValue;
    if (orgNode.get("runner_groups") instanceof SequenceNode seq) {
      for (Node g : seq.getValue()) {
        JsonNode json = json(g);
        long id = json.path("id").asLong();
        record(Resources.orgRunnerGroup(org, id), g);
        Readable<List<String>> selected = json.has("selected_repositories")
            ? Readable.of(strings(json.get("selected_repositories")))
            : Readable.notApplicable("group visibility is " + json.path("visibility").asText("all"));
        groups.add(Settings.runnerGroup(json, selected));
      }
      groupsValue = Readable.of(groups);
    } else {
      groupsValue = readable(orgNode.get("runner_groups"), Resources.orgRunnerGroups(org), x -> List.of());
    }
    Readable<List<Runner>> runners = runners(orgNode.get("runners"), id -> Resources.orgRunner(org, id),
        Resources.orgRunners(org), offlineSince);

    OrgSnapshot snapshot = new OrgSnapshot(org, Readable.notApplicable("not in fixture"), infos,
        readable(orgNode.get("actions_permissions"), Resources.orgPermissions(org), Settings::permissions),
        readable(orgNode.get("selected_actions"), Resources.orgSelectedActions(org), Settings::selectedActions),
        readable(orgNode.get("workflow"), Resources.orgWorkflow(org), Settings::workflowDefaults),
        readable(orgNode.get("fork_pr_contributor_approval"), Resources.orgForkPrApproval(org), j -> j.path("approval_policy").asText(null)),
        readable(orgNode.get("fork_pr_workflows_private_repos"), Resources.orgPrivateForkPr(org), Settings::privateForkPr),
        readable(orgNode.get("self_hosted_runners"), Resources.orgSelfHostedRunners(org), j -> j.path("enabled_repositories").asText(null)),
        groupsValue, runners);
    Map<String, List<AuditedFile>> parsed = files;
    return new Loaded(new OrgScan(snapshot, repos, parsed, ActionInventory.of(parsed), offlineSince, at), policy, Map.copyOf(lines));
  }

  private RepoSnapshot repo(String org, Map<String, Node> m, int index, Map<String, List<AuditedFile>> files,
      Map<Long, Instant> offlineSince) {
    String name = scalar(m.get("name"));
    String full = org + "/" + name;
    boolean empty = m.containsKey("empty") && Boolean.parseBoolean(scalar(m.get("empty")));
    RepositoryInfo info = new RepositoryInfo(1000L + index, "R_" + index, name, full,
        m.containsKey("visibility") ? scalar(m.get("visibility")) : "public", false,
        m.containsKey("archived") && Boolean.parseBoolean(scalar(m.get("archived"))), empty ? null : "main",
        Instant.parse("2026-11-01T00:00:00Z"), "https://github.com/" + full, empty ? null : "0".repeat(40));
    List<WorkflowBlob> blobs = new ArrayList<>();
    List<AuditedFile> audited = new ArrayList<>();
    Map<String, Node> workflows = keys(m.get("workflows"));
    for (Map.Entry<String, Node> w : workflows.entrySet()) {
      String path = w.getKey().contains("/") ? w.getKey() : ".github/workflows/" + w.getKey();
      String text = scalar(w.getValue());
      blobs.add(new WorkflowBlob(path, "blob" + path.hashCode(), text, null));
      ParseResult result = new WorkflowParser().parse(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)));
      if (result instanceof ParseResult.Parsed p) {
        audited.add(p.file());
      }
    }
    files.put(full, audited);
    return new RepoSnapshot(info, info.headSha(), false, Readable.of(blobs),
        readable(m.get("actions_permissions"), Resources.repoPermissions(full), Settings::permissions),
        readable(m.get("selected_actions"), Resources.repoSelectedActions(full), Settings::selectedActions),
        readable(m.get("workflow"), Resources.repoWorkflow(full), Settings::workflowDefaults),
        Readable.notApplicable("read at organization level"),
        readable(m.get("fork_pr_workflows_private_repos"), Resources.repoPrivateForkPr(full), Settings::privateForkPr),
        readable(m.get("access"), Resources.repoAccess(full), j -> j.path("access_level").asText(null)),
        runners(m.get("runners"), id -> Resources.repoRunner(full, id), Resources.repoRunners(full), offlineSince),
        environments(m.get("environments"), full));
  }

  private Readable<List<dev.gatehouse.scanner.model.Environment>> environments(Node node, String repo) {
    if (node instanceof SequenceNode seq) {
      List<dev.gatehouse.scanner.model.Environment> list = new ArrayList<>();
      for (Node e : seq.getValue()) {
        JsonNode json = json(e);
        record(Resources.repoEnvironment(repo, json.path("name").asText()), e);
        list.add(Settings.environment(json));
      }
      return Readable.of(list);
    }
    return readable(node, Resources.repoEnvironments(repo), x -> List.of());
  }

  private Readable<List<Runner>> runners(Node node, Function<Long, String> resource, String listResource, Map<Long, Instant> offlineSince) {
    if (node instanceof SequenceNode seq) {
      List<Runner> list = new ArrayList<>();
      for (Node r : seq.getValue()) {
        JsonNode json = json(r);
        long id = json.path("id").asLong();
        record(resource.apply(id), r);
        if (json.hasNonNull("offline_since")) {
          offlineSince.put(id, Instant.parse(json.get("offline_since").asText()));
        }
        list.add(Settings.runner(json, json.hasNonNull("runner_group_id") ? json.get("runner_group_id").asLong() : null));
      }
      return Readable.of(list);
    }
    return readable(node, listResource, x -> List.of());
  }

  private <T> Readable<T> readable(Node node, String resource, Function<JsonNode, T> map) {
    if (node == null) {
      return Readable.unavailable(404, "not in fixture");
    }
    record(resource, node);
    JsonNode json = json(node);
    if (json.has("unavailable")) {
      return Readable.unavailable(json.get("unavailable").asInt(), json.path("reason").asText("unavailable"));
    }
    if (json.has("not_applicable")) {
      return Readable.notApplicable(json.get("not_applicable").asText());
    }
    return Readable.of(map.apply(json));
  }

  /** Lines of an object and of each of its fields (and of each item of its list fields, by value). */
  private void record(String resource, Node node) {
    lines.put(resource, line(node));
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String field = ((ScalarNode) t.getKeyNode()).getValue();
        lines.put(resource + "#" + field, line(t.getKeyNode()));
        if (t.getValueNode() instanceof SequenceNode seq) {
          for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s) {
              lines.put(resource + "#" + field + "/" + s.getValue(), line(item));
            }
          }
        }
      }
    }
  }

  private static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(-1);
  }

  private static Map<String, Node> keys(Node node) {
    Map<String, Node> result = new LinkedHashMap<>();
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        result.put(((ScalarNode) t.getKeyNode()).getValue(), t.getValueNode());
      }
    }
    return result;
  }

  private static List<Node> items(Node node) {
    return node instanceof SequenceNode s ? s.getValue() : List.of();
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(n -> result.add(n.asText()));
    return result;
  }

  /** YAML node to JSON, typing plain scalars as YAML 1.2's core schema does (bool, int, null). */
  static JsonNode json(Node node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof MappingNode m) {
      ObjectNode o = f.objectNode();
      for (NodeTuple t : m.getValue()) {
        o.set(((ScalarNode) t.getKeyNode()).getValue(), json(t.getValueNode()));
      }
      return o;
    }
    if (node instanceof SequenceNode s) {
      ArrayNode a = f.arrayNode();
      s.getValue().forEach(n -> a.add(json(n)));
      return a;
    }
    ScalarNode s = (ScalarNode) node;
    String v = s.getValue();
    if (s.isPlain()) {
      if (v.equals("true") || v.equals("false")) {
        return f.booleanNode(Boolean.parseBoolean(v));
      }
      if (v.equals("null") || v.equals("~") || v.isEmpty()) {
        return f.nullNode();
      }
      if (v.matches("-?\\d+")) {
        return f.numberNode(Long.parseLong(v));
      }
    }
    return f.textNode(v);
  }

}
