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

  private static final Pattern EVENT_NAME = Pattern.compile("^github\\.event_name\\s*==\\s*'([a-z_]+)'$");

  private static final Pattern ASSOCIATION_LIST = Pattern.compile(
      "(?:OWNER|MEMBER|COLLABORATOR)[^\\n]*author_association", Pattern.CASE_INSENSITIVE);

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

  /**
   * Like {@link Gates#excludesForks}, but reads {@code ||} and {@code &&}: in {@code (pull_request_target
   * && label) || (pull_request && same repo)} the same-repo check does not keep forks out.
   */
  public static boolean excludesForks(Job job) {
    return job.condition() != null && excluded(job, job.condition().value());
  }

  /**
   * {@link Gates#gate} over the parts of the condition a fork can satisfy, also reading the
   * {@code contains(fromJSON('["OWNER", "MEMBER"]'), ...author_association)} form.
   */
  public static String gate(Job job, RepoContext repo) {
    Job open = job;
    if (job.condition() != null && Gates.excludesForks(job) && !excludesForks(job)) {
      List<String> parts = split(strip(job.condition().value()), "||").stream().filter(d -> !excluded(job, d)).toList();
      open = withCondition(job, String.join(" || ", parts));
    }
    String gate = Gates.gate(open, repo);
    if (gate == null && open.condition() != null && ASSOCIATION_LIST.matcher(open.condition().value()).find()) {
      return "the job is gated on the author's association (OWNER/MEMBER/COLLABORATOR)";
    }
    return gate;
  }

  private static boolean excluded(Job job, String condition) {
    String c = strip(condition);
    List<String> any = split(c, "||");
    if (any.size() > 1) {
      return any.stream().allMatch(d -> excluded(job, d));
    }
    List<String> all = split(c, "&&");
    if (all.size() > 1) {
      return all.stream().anyMatch(d -> excluded(job, d));
    }
    Matcher event = EVENT_NAME.matcher(c);
    if (event.find() && !Triggers.PRIVILEGED.contains(event.group(1))) {
      return true; // this branch runs only for an event forks cannot start with secrets
    }
    return Gates.excludesForks(withCondition(job, c));
  }

  /** Removes {@code ${{ }}} and parentheses around the whole expression. */
  private static String strip(String condition) {
    String c = condition.strip();
    if (c.startsWith("${{") && c.endsWith("}}")) {
      c = c.substring(3, c.length() - 2).strip();
    }
    while (c.startsWith("(") && c.endsWith(")") && depthNeverZero(c)) {
      c = c.substring(1, c.length() - 1).strip();
    }
    return c;
  }

  private static boolean depthNeverZero(String c) {
    int depth = 0;
    for (int i = 0; i < c.length() - 1; i++) {
      depth += c.charAt(i) == '(' ? 1 : c.charAt(i) == ')' ? -1 : 0;
      if (depth == 0) {
        return false;
      }
    }
    return true;
  }

  /** Splits at {@code op} outside parentheses and quotes. */
  private static List<String> split(String c, String op) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    boolean quoted = false;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c.startsWith(op, i)) {
        parts.add(c.substring(from, i));
        from = i + op.length();
        i += op.length() - 1;
      }
    }
    parts.add(c.substring(from));
    return parts;
  }

  private static Job withCondition(Job j, String condition) {
    return new Job(j.id(), j.path(), j.pos(), j.name(), j.permissions(), j.runsOn(), j.needs(),
        Scalar.of(condition, j.condition().pos()), j.environment(), j.container(), j.services(), j.env(), j.steps(),
        j.uses(), j.with(), j.secretsInherit(), j.secrets(), j.outputs(), j.matrix());
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
