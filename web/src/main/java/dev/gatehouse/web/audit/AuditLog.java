package dev.gatehouse.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Who did what, when and why: every acknowledgement, exception and policy change. */
@ApplicationScoped
public class AuditLog {

  private final EntityManager em;

  AuditLog(EntityManager em) {
    this.em = em;
  }

  @Transactional
  public void record(String actor, String action, String subject, String details) {
    em.createNativeQuery("insert into audit_log (actor, action, subject, details) values (?1, ?2, ?3, ?4)")
        .setParameter(1, actor).setParameter(2, action).setParameter(3, subject).setParameter(4, details).executeUpdate();
  }
}
