package dev.gatehouse.web.policy;

import dev.gatehouse.web.audit.AuditLog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes a policy change to the audit log: at start, when the policy in force differs from the last one recorded. */
@ApplicationScoped
public class PolicyAudit {

  private final PolicyHolder policy;
  private final AuditLog audit;
  private final EntityManager em;

  PolicyAudit(PolicyHolder policy, AuditLog audit, EntityManager em) {
    this.policy = policy;
    this.audit = audit;
    this.em = em;
  }

  void onStart(@Observes StartupEvent event) {
    recordIfChanged();
  }

  /** True when a change was recorded. */
  @Transactional
  public boolean recordIfChanged() {
    @SuppressWarnings("unchecked")
    List<String> last = em.createNativeQuery("select details from audit_log where action = 'policy.changed' order by id desc limit 1")
        .getResultList();
    String details = "sha256 " + policy.digest() + " from " + policy.source();
    if (!last.isEmpty() && last.get(0).startsWith("sha256 " + policy.digest())) {
      return false;
    }
    audit.record("gatehouse", "policy.changed", policy.source(),
        details + (last.isEmpty() ? " (first policy recorded)" : " (was " + last.get(0) + ")"));
    return true;
  }
}
