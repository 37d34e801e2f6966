package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.Job;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Facts several rules need about one file, computed once per file. */
public final class Analysis {

  private final Taint taint;
  private final Map<String, List<Checkouts.Untrusted>> untrusted = new HashMap<>();

  Analysis(AuditedFile file) {
    this.taint = new Taint(file);
  }

  public Taint taint() {
    return taint;
  }

  public List<Checkouts.Untrusted> untrustedCheckouts(Job job) {
    return untrusted.computeIfAbsent(job.id(), id -> Checkouts.untrusted(job));
  }
}
