package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Action;
import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Workflow;
import dev.gatehouse.scanner.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What a workflow rule sees, and how it reports. One context per file and rule. */
public final class WorkflowContext {

  private final AuditedFile file;
  private final RepoContext repo;
  private final Policy policy;
  private final RuleInfo rule;
  private final Analysis analysis;
  private final Consumer<Finding> sink;

  WorkflowContext(AuditedFile file, RepoContext repo, Policy policy, RuleInfo rule, Analysis analysis, Consumer<Finding> sink) {
    this.file = file;
    this.repo = repo;
    this.policy = policy;
    this.rule = rule;
    this.analysis = analysis;
    this.sink = sink;
  }

  public AuditedFile file() {
    return file;
  }

  /** The workflow, or null when the file is an action. */
  public Workflow workflow() {
    return file instanceof Workflow w ? w : null;
  }

  /** The action, or null when the file is a workflow. */
  public Action action() {
    return file instanceof Action a ? a : null;
  }

  public RepoContext repo() {
    return repo;
  }

  public Policy policy() {
    return policy;
  }

  /** Shared, lazily computed facts about the file (triggers, taint, checkouts). */
  public Analysis analysis() {
    return analysis;
  }

  /** The job a step belongs to, or null for composite action steps. */
  public Job jobOf(Step step) {
    Workflow w = workflow();
    if (w == null) {
      return null;
    }
    String path = step.path();
    for (Job job : w.jobs()) {
      if (path.startsWith(job.path()) && path.startsWith(".steps[", job.path().length())) {
        return job;
      }
    }
    return null;
  }

  public Report report(String message) {
    return new Report(message);
  }

  /** A finding under construction; {@link #emit()} sends it. */
  public final class Report {
    private final String message;
    private Pos pos = Pos.START;
    private String path = "";
    private String key = "";
    private String evidence = "";
    private Severity severity = rule.severity();
    private Confidence confidence = rule.confidence();
    private final List<Location> related = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Report(String message) {
      this.message = message;
    }

    public Report at(Pos pos, String path) {
      this.pos = pos;
      this.path = path;
      this.key = path;
      return this;
    }

    /** Points at a step; the identity uses the step's id, action or name, not its index. */
    public Report at(Step step) {
      this.pos = step.pos();
      this.path = step.path();
      String parent = step.path().substring(0, step.path().lastIndexOf(".steps["));
      String stepKey = Fingerprints.stepKey(step);
      int ordinal = 0;
      Job job = jobOf(step);
      for (Step other : job != null ? job.steps() : file.allSteps()) {
        if (other == step) {
          break;
        }
        if (other.path().startsWith(parent + ".steps[") && Fingerprints.stepKey(other).equals(stepKey)) {
          ordinal++;
        }
      }
      this.key = parent + "/" + stepKey + "#" + ordinal;
      return this;
    }

    /** Points at a step, at a more precise position inside it (an input, a line of its script). */
    public Report at(Step step, Pos precise) {
      at(step);
      if (precise != null) {
        this.pos = precise;
      }
      return this;
    }

    public Report at(Job job) {
      return at(job.pos(), job.path());
    }

    /** What distinguishes this finding from others at the same place (e.g. the expression). */
    public Report evidence(String evidence) {
      this.evidence = evidence == null ? "" : evidence;
      return this;
    }

    /** Changes severity from the rule's default; {@code why} is added to the message. */
    public Report severity(Severity severity, String why) {
      if (severity != this.severity) {
        this.severity = severity;
        if (why != null) {
          notes.add(why);
        }
      }
      return this;
    }

    public Report confidence(Confidence confidence) {
      this.confidence = confidence;
      return this;
    }

    /** Adds a remark to the message without changing severity (e.g. what could not be evaluated). */
    public Report note(String remark) {
      if (remark != null) {
        notes.add(remark);
      }
      return this;
    }

    public Report related(Pos pos, String path) {
      related.add(new Location(file.path(), pos.line(), pos.column(), path));
      return this;
    }

    public void emit() {
      String text = notes.isEmpty() ? message : message + " (" + String.join("; ", notes) + ")";
      String fingerprint = Fingerprints.of(rule.id(), repo.fullName(), file.path(), key, evidence);
      sink.accept(new Finding(rule.id(), severity, confidence, text,
          new Location(file.path(), pos.line(), pos.column(), path), related, fingerprint, null));
    }
  }
}
