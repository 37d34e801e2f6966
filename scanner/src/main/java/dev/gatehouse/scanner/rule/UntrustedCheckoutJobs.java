package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Permissions;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.parse.Expressions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts shared by the untrusted-checkout family of rules: which jobs bring PR code into a
 * privileged run, what that code could reach there (secrets, a writable token), and where to
 * point. Kept in one place so the rules agree on which checkouts count.
 */
public final class UntrustedCheckoutJobs {

  /** An untrusted checkout in a privileged job and the first step that runs code after it (or null). */
  public record Exposure(Checkouts.Untrusted checkout, Step execution) {}

  /** One {@code secrets.NAME} reference: the name as written, and where. */
  public record SecretRef(String name, Scalar scalar, int offset, String text) {
    public Pos pos(List<String> lines) {
      return SourcePositions.of(lines, scalar, offset, text);
    }
  }

  private static final Pattern SECRET = Pattern.compile(
      "\\bsecrets\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_-]*)|\\[\\s*'([^']+)'\\s*])", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHOLE_SECRETS = Pattern.compile("\\bsecrets\\b(?!\\s*[.\\[])|\\bsecrets\\s*\\[\\s*[^'\\s]");

  private static final Pattern FETCH = Pattern.compile("\\bgit\\s+(?:fetch|pull)\\b([^\\n]*)");
  private static final Pattern PR_REF = Pattern.compile(
      "pull|head[_.-]?(?:ref|sha|branch)|\\bpr\\b|\\$\\{?pr_|\\$\\{?pr\\b|_pr\\b|merge_commit|github\\.event", Pattern.CASE_INSENSITIVE);



  /** Words that end a shell block or only look at the fetched code. */
  private static final Set<String> INSPECTING = Set.of(
      "git", "echo", "printf", "cd", "fi", "done", "else", "then", "esac", "}", ")", "\\", "set", "exit");

  private UntrustedCheckoutJobs() {}

  /**
   * Untrusted checkouts of {@code job} under the workflow's privileged triggers. Empty when the
   * workflow has no privileged trigger, the job calls a reusable workflow, or the job's condition
   * keeps fork pull requests out altogether.
   */
  public static List<Exposure> exposures(WorkflowContext context, Job job) {
    Workflow workflow = context.workflow();
    if (workflow == null || !Triggers.anyPrivileged(workflow) || job.callsReusableWorkflow()) {
      return List.of();
    }
    // A fork's PR cannot reach a job whose condition requires the head to be this repository.
    if (excludesForks(job)) {
      return List.of();
    }
    List<Exposure> found = new ArrayList<>();
    for (Checkouts.Untrusted u : context.analysis().untrustedCheckouts(job)) {
      // git checkout FETCH_HEAD is PR code only when the fetch named a PR; a fetched branch of this or another repo is not.
      if (u.reason().contains("FETCH_HEAD") && !fetchesPullRequest(u.step())) {
        continue;
      }
      Step after = Checkouts.executionAfter(job, u.step().index());
      found.add(new Exposure(u, after == null && runsLaterInScript(u) ? u.step() : after));
    }
    return found;
  }

  private static boolean fetchesPullRequest(Step step) {
    Matcher fetch = FETCH.matcher(step.run().value());
    while (fetch.find()) {
      if (PR_REF.matcher(fetch.group(1)).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A {@code run:} script that fetches PR code and then runs more commands itself ({@code gh pr
   * checkout 12 && make test}); further git commands and echoes only inspect it.
   */
  private static boolean runsLaterInScript(Checkouts.Untrusted u) {
    if (u.step().run() == null) {
      return false;
    }
    String script = u.step().run().value();
    String command = commandOf(u);
    int at = script.indexOf(command);
    if (at < 0) {
      return false;
    }
    String[] parts = script.substring(at).split("\\n|&&|;|\\|\\|");
    for (int i = 1; i < parts.length; i++) {
      String s = parts[i].strip();
      String first = s.split("\\s+")[0];
      if (!s.isEmpty() && !s.startsWith("#") && !INSPECTING.contains(first)) {
        return true;
      }
    }
    return false;
  }

  private static String commandOf(Checkouts.Untrusted u) {
    int quote = u.reason().indexOf('\'');
    return quote < 0 ? "" : u.reason().substring(quote + 1, u.reason().lastIndexOf('\''));
  }

  public static boolean excludesForks(Job job) {
    return Gates.excludesForks(job);
  }

  public static String gate(Job job, RepoContext repo) {
    return Gates.gate(job, repo);
  }

  /** The most precise place of the checkout: its {@code ref:}/{@code repository:} input, or the fetching command line. */
  public static Pos checkoutPos(WorkflowContext context, Checkouts.Untrusted u) {
    Step step = u.step();
    if (step.uses() != null) {
      String input = u.reason().startsWith("checks out repository") ? "repository" : "ref";
      Scalar value = step.with(input);
      return value != null ? value.pos() : step.uses().pos();
    }
    String command = commandOf(u);
    int at = step.run().value().indexOf(command);
    return at < 0 ? step.run().pos() : SourcePositions.of(context.file().lines(), step.run(), at, command);
  }

  /**
   * Secrets the job's steps can read, first reference of each name (case-insensitive), in file
   * order: workflow and job {@code env:}, and every step's {@code env:}, {@code with:} and
   * {@code run:}. {@code secrets.GITHUB_TOKEN} is the job's own token, not a stored secret, and
   * is left out; {@code toJSON(secrets)} and computed indexes are named {@code *}.
   */
  public static List<SecretRef> secrets(Workflow workflow, Job job) {
    List<Scalar> places = new ArrayList<>(workflow.env().values());
    places.addAll(job.env().values());
    for (Step step : job.steps()) {
      places.addAll(step.env().values());
      for (Map.Entry<String, Scalar> input : step.with().entrySet()) {
        // actions/checkout uses its token to fetch and, with persist-credentials: false, keeps it nowhere.
        boolean spent = input.getKey().equals("token") && step.uses() != null && step.uses().is("actions/checkout")
            && step.with("persist-credentials") != null && step.with("persist-credentials").value().strip().equals("false");
        if (!spent) {
          places.add(input.getValue());
        }
      }
      if (step.run() != null) {
        places.add(step.run());
      }
    }
    places.sort(Comparator.comparingInt((Scalar p) -> p.pos().line()).thenComparingInt(p -> p.pos().column()));
    Map<String, SecretRef> found = new LinkedHashMap<>();
    for (Scalar scalar : places) {
      for (Expressions.Expression e : Expressions.find(scalar.value())) {
        String text = scalar.value().substring(e.start(), e.end());
        Matcher m = SECRET.matcher(e.body());
        while (m.find()) {
          String name = m.group(1) != null ? m.group(1) : m.group(2);
          if (!name.equalsIgnoreCase("GITHUB_TOKEN")) {
            found.putIfAbsent(name.toUpperCase(Locale.ROOT), new SecretRef(name, scalar, e.start(), text));
          }
        }
        if (WHOLE_SECRETS.matcher(e.body().replaceAll("'[^']*'", "''")).find()) {
          found.putIfAbsent("*", new SecretRef("*", scalar, e.start(), text));
        }
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * What code running in the job could use, for the message: named secrets and a writable
   * token. Null when the job holds neither. Job permissions replace the workflow's entirely.
   */
  public static String privileges(Workflow workflow, Job job) {
    List<String> parts = new ArrayList<>();
    List<String> names = secrets(workflow, job).stream().map(s -> s.name().equals("*") ? "all secrets" : s.name()).toList();
    if (!names.isEmpty()) {
      parts.add("the job holds secrets (" + String.join(", ", names) + ")");
    }
    Permissions permissions = job.permissions() != null ? job.permissions() : workflow.permissions();
    if (permissions == null) {
      parts.add("no permissions block, so it gets the repository default token, which may be writable");
    } else if (permissions.anyWrite()) {
      parts.add("its token has write permissions (" + writeScopes(permissions) + ")");
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static String writeScopes(Permissions permissions) {
    if (permissions.kind() == Permissions.Kind.WRITE_ALL) {
      return "write-all";
    }
    return String.join(", ", permissions.scopes().entrySet().stream()
        .filter(e -> e.getValue().equals("write")).map(e -> e.getKey() + ": write").sorted().toList());
  }

  /** The privileged triggers of the workflow, for messages: "pull_request_target" or "issue_comment, workflow_run". */
  public static String triggers(Workflow workflow) {
    Set<String> events = Triggers.privileged(workflow);
    return String.join(", ", events);
  }
}
