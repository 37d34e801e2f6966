package dev.gatehouse.scanner.collect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.model.RepositoryInfo;
import dev.gatehouse.scanner.model.WorkflowBlob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads repositories: workflow files and the local actions they use through batched GraphQL
 * (up to 50 repositories per request, at the scanned commit), reusing stored contents when the
 * default branch has not moved, then each repository's Actions settings, runners and (only where
 * a workflow names one) environments through conditional REST requests.
 */
public final class RepoCollector {

  /** What the caller already stored for a repository: the commit it scanned and the files it read. */
  public record Known(String headSha, List<WorkflowBlob> files) {}

  static final int MAX_LOCAL_ACTIONS = 20;
  private static final Pattern LOCAL_USES = Pattern.compile("uses:\\s*['\"]?\\./([^\\s'\"@#]+)");
  private static final Pattern ENVIRONMENT = Pattern.compile("(?m)^\\s*environment:");

  private final GitHubClient github;
  private final int concurrency;
  private final int batchSize;

  public RepoCollector(GitHubClient github, int concurrency, int batchSize) {
    this.github = github;
    this.concurrency = concurrency;
    this.batchSize = batchSize;
  }

  public List<RepoSnapshot> collect(String org, List<RepositoryInfo> repos, Map<String, Known> known, ScanMeter meter) {
    Map<String, Readable<List<WorkflowBlob>>> contents = new HashMap<>();
    List<RepositoryInfo> toFetch = new ArrayList<>();
    for (RepositoryInfo repo : repos) {
      Known k = known.get(repo.fullName());
      if (repo.headSha() == null) {
        contents.put(repo.fullName(), Readable.of(List.of()));
      } else if (k != null && repo.headSha().equals(k.headSha())) {
        contents.put(repo.fullName(), Readable.of(k.files()));
      } else {
        toFetch.add(repo);
      }
    }
    for (int i = 0; i < toFetch.size(); i += batchSize) {
      contents.putAll(fetchContents(org, toFetch.subList(i, Math.min(toFetch.size(), i + batchSize)), meter));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
      Thread t = new Thread(r, "gatehouse-collect");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<RepoSnapshot>> futures = new ArrayList<>();
      for (RepositoryInfo repo : repos) {
        Known k = known.get(repo.fullName());
        boolean reused = k != null && repo.headSha() != null && repo.headSha().equals(k.headSha());
        Readable<List<WorkflowBlob>> files = contents.get(repo.fullName());
        futures.add(pool.submit(() -> settings(org, repo, reused, files, meter)));
      }
      List<RepoSnapshot> snapshots = new ArrayList<>();
      for (Future<RepoSnapshot> f : futures) {
        snapshots.add(f.get());
      }
      return snapshots;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubReadException("interrupted while reading repositories", -1, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GitHubReadException g) {
        throw g;
      }
      throw new GitHubReadException("reading repositories failed: " + e.getCause(), -1, e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, Readable<List<WorkflowBlob>>> fetchContents(String org, List<RepositoryInfo> batch, ScanMeter meter) {
    Map<String, Readable<List<WorkflowBlob>>> result = new HashMap<>();
    List<ContentsQuery.Part> parts = batch.stream().map(r -> new ContentsQuery.Part(r.name(), r.headSha(), null)).toList();
    JsonNode data;
    try {
      ContentsQuery q = new ContentsQuery(org, parts);
      data = github.graphql(q.query(), q.variables(), meter, org);
    } catch (GitHubReadException e) {
      batch.forEach(r -> result.put(r.fullName(), Readable.unavailable(e.status(), e.getMessage())));
      return result;
    }
    Map<String, List<WorkflowBlob>> files = new HashMap<>();
    List<ContentsQuery.Part> actionParts = new ArrayList<>();
    List<RepositoryInfo> withActions = new ArrayList<>();
    java.util.Set<String> unanswered = new java.util.HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      RepositoryInfo repo = batch.get(i);
      JsonNode answer = data.path("r" + i);
      if (answer.isNull() || answer.isMissingNode()) {
        // GitHub answered the batch but not this repository (an error for it alone): unknown,
        // not "no workflows" — which would pass every workflow rule.
        unanswered.add(repo.fullName());
        files.put(repo.fullName(), new ArrayList<>());
        continue;
      }
      List<WorkflowBlob> workflows = ContentsQuery.workflows(answer);
      files.put(repo.fullName(), new ArrayList<>(workflows));
      List<String> actionPaths = localActionPaths(workflows);
      if (!actionPaths.isEmpty()) {
        actionParts.add(new ContentsQuery.Part(repo.name(), repo.headSha(), actionPaths));
        withActions.add(repo);
      }
    }
    if (!actionParts.isEmpty()) {
      try {
        ContentsQuery q = new ContentsQuery(org, actionParts);
        JsonNode actions = github.graphql(q.query(), q.variables(), meter, org);
        for (int i = 0; i < actionParts.size(); i++) {
          files.get(withActions.get(i).fullName()).addAll(ContentsQuery.files(actions.path("r" + i), actionParts.get(i).paths()));
        }
      } catch (GitHubReadException e) {
        for (RepositoryInfo repo : withActions) {
          files.get(repo.fullName()).add(new WorkflowBlob("(local actions)", null, null, "could not read local actions: " + e.getMessage()));
        }
      }
    }
    for (RepositoryInfo repo : batch) {
      if (unanswered.contains(repo.fullName())) {
        result.put(repo.fullName(), Readable.unavailable(200, "GitHub's GraphQL answer left this repository out (an error for it, "
            + "or no access at commit " + repo.headSha() + ")"));
        continue;
      }
      List<WorkflowBlob> complete = new ArrayList<>();
      for (WorkflowBlob blob : files.get(repo.fullName())) {
        complete.add("truncated".equals(blob.problem()) ? fullText(org, repo, blob, meter) : blob);
      }
      result.put(repo.fullName(), Readable.of(List.copyOf(complete)));
    }
    return result;
  }

  /** GraphQL truncates large blobs; the contents API returns them whole (up to 1 MB). */
  private WorkflowBlob fullText(String org, RepositoryInfo repo, WorkflowBlob blob, ScanMeter meter) {
    Readable<JsonNode> answer = github.get("/repos/" + repo.fullName() + "/contents/" + blob.path() + "?ref=" + repo.headSha(), meter, org);
    if (answer instanceof Readable.Available<JsonNode> a && "base64".equals(a.value().path("encoding").asText())) {
      String text = new String(Base64.getMimeDecoder().decode(a.value().path("content").asText()), StandardCharsets.UTF_8);
      return new WorkflowBlob(blob.path(), blob.blobSha(), text, null);
    }
    return new WorkflowBlob(blob.path(), blob.blobSha(), null,
        answer.available() ? WorkflowBlob.TOO_LARGE : "could not read the full file: " + answer.reason());
  }

  /** {@code uses: ./dir} of workflows and of the actions themselves, as {@code dir/action.yml} and {@code .yaml}. */
  static List<String> localActionPaths(List<WorkflowBlob> workflows) {
    Set<String> dirs = new LinkedHashSet<>();
    for (WorkflowBlob w : workflows) {
      if (w.text() == null) {
        continue;
      }
      Matcher m = LOCAL_USES.matcher(w.text());
      while (m.find() && dirs.size() < MAX_LOCAL_ACTIONS) {
        String dir = m.group(1).replaceAll("/+$", "");
        if (!dir.endsWith(".yml") && !dir.endsWith(".yaml") && !dir.contains("..") && !dir.contains("${{")) {
          dirs.add(dir);
        }
      }
    }
    List<String> paths = new ArrayList<>();
    for (String dir : dirs) {
      paths.add(dir + "/action.yml");
      paths.add(dir + "/action.yaml");
    }
    return paths;
  }

  private RepoSnapshot settings(String org, RepositoryInfo repo, boolean reused, Readable<List<WorkflowBlob>> files, ScanMeter meter) {
    String base = "/repos/" + repo.fullName() + "/actions/permissions";
    if (repo.archived() || repo.headSha() == null) {
      String why = repo.archived() ? "archived repository: workflows do not run" : "empty repository: no workflows";
      return new RepoSnapshot(repo, repo.headSha(), reused, files, Readable.notApplicable(why), Readable.notApplicable(why),
          Readable.notApplicable(why), Readable.notApplicable(why), Readable.notApplicable(why), Readable.notApplicable(why),
          Readable.notApplicable(why), Readable.notApplicable(why));
    }
    Readable<ActionsPermissions> permissions = github.get(base, meter, org).map(Settings::permissions);
    if (permissions instanceof Readable.Available<ActionsPermissions> p && Boolean.FALSE.equals(p.value().enabled())) {
      String why = "GitHub Actions is disabled for this repository";
      return new RepoSnapshot(repo, repo.headSha(), reused, files, permissions, Readable.notApplicable(why),
          Readable.notApplicable(why), Readable.notApplicable(why), Readable.notApplicable(why), Readable.notApplicable(why),
          Readable.notApplicable(why), Readable.notApplicable(why));
    }
    boolean isPrivate = !repo.isPublic();
    String publicWhy = "public repository: private fork settings do not apply";
    return new RepoSnapshot(repo, repo.headSha(), reused, files, permissions,
        new OrgCollector(github).selectedActions(permissions, base + "/selected-actions", meter, org),
        github.get(base + "/workflow", meter, org).map(Settings::workflowDefaults),
        Readable.notApplicable("read at organization level"),
        isPrivate ? github.get(base + "/fork-pr-workflows-private-repos", meter, org).map(Settings::privateForkPr) : Readable.notApplicable(publicWhy),
        isPrivate ? github.get(base + "/access", meter, org).map(j -> j.path("access_level").asText(null)) : Readable.notApplicable(publicWhy),
        github.getPages("/repos/" + repo.fullName() + "/actions/runners?per_page=100", "runners", meter, org)
            .map(list -> list.stream().map(r -> Settings.runner(r, null)).toList()),
        !files.available()
            ? Readable.unavailable(-1, "workflow contents could not be read, so the environments they name are unknown")
            : namesEnvironment(files)
            ? github.getPages("/repos/" + repo.fullName() + "/environments?per_page=100", "environments", meter, org)
                .map(list -> list.stream().map(Settings::environment).toList())
            : Readable.notApplicable("no workflow names an environment"));
  }

  private static boolean namesEnvironment(Readable<List<WorkflowBlob>> files) {
    List<WorkflowBlob> list = files.orNull();
    return list != null && list.stream().anyMatch(f -> f.text() != null && ENVIRONMENT.matcher(f.text()).find());
  }
}
