package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.OrgScan;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.RepoSnapshot;
import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.policy.Posture;
import java.util.List;
import java.util.function.Consumer;

/** What a settings or runner rule sees, and how it reports. One context per scan and rule. */
public final class SettingsContext {

  private final OrgScan scan;
  private final Policy policy;
  private final RuleInfo rule;
  private final Consumer<Finding> sink;

  SettingsContext(OrgScan scan, Policy policy, RuleInfo rule, Consumer<Finding> sink) {
    this.scan = scan;
    this.policy = policy;
    this.rule = rule;
    this.sink = sink;
  }

  public OrgScan scan() {
    return scan;
  }

  public OrgSnapshot org() {
    return scan.org();
  }

  public String orgLogin() {
    return scan.org().login();
  }

  public List<RepoSnapshot> repos() {
    return scan.repos();
  }

  public Policy policy() {
    return policy;
  }

  public Posture posture() {
    return policy.posture();
  }

  /**
   * Starts a finding about {@code field} of the object at {@code resource} (a REST path from
   * {@link Resources}); {@code subject} is the organization login or repository full name it
   * belongs to.
   */
  public Report report(String subject, String resource, String field, String message) {
    return new Report(subject, resource, field, message);
  }

  /** A finding under construction; {@link #emit()} sends it. */
  public final class Report {
    private final String subject;
    private final String resource;
    private final String field;
    private final String message;
    private String evidence = "";
    private Severity severity = rule.severity();
    private Confidence confidence = rule.confidence();
    private String note;

    private Report(String subject, String resource, String field, String message) {
      this.subject = subject;
      this.resource = resource;
      this.field = field;
      this.message = message;
    }

    public Report evidence(String evidence) {
      this.evidence = evidence == null ? "" : evidence;
      return this;
    }

    public Report severity(Severity severity, String why) {
      if (severity != this.severity) {
        this.severity = severity;
        this.note = note == null ? why : note + "; " + why;
      }
      return this;
    }

    public Report confidence(Confidence confidence) {
      this.confidence = confidence;
      return this;
    }

    public void emit() {
      String text = note == null ? message : message + " (" + note + ")";
      sink.accept(new Finding(rule.id(), severity, confidence, text, new Location(resource, 0, 0, field), List.of(),
          Fingerprints.of(rule.id(), subject, resource, field, evidence), null));
    }
  }
}
