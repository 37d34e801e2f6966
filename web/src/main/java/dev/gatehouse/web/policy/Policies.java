package dev.gatehouse.web.policy;

import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.policy.RuleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy a scan of an organization is judged against: the policy file plus the exceptions
 * granted in the service (table rule_exception, for this organization or for all), each with its
 * owner, reason and expiry.
 */
@ApplicationScoped
public class Policies {

  private final PolicyHolder file;
  private final EntityManager em;

  Policies(PolicyHolder file, EntityManager em) {
    this.file = file;
    this.em = em;
  }

  @SuppressWarnings("unchecked")
  public Policy effective(long organizationId) {
    Policy base = file.current();
    List<Object[]> rows = em.createNativeQuery("select rule_id, repo, path, job, reason, owner, expires from rule_exception "
            + "where organization_id = ?1 or organization_id is null order by id")
        .setParameter(1, organizationId).getResultList();
    if (rows.isEmpty()) {
      return base;
    }
    List<RuleException> exceptions = new ArrayList<>(base.exceptions());
    for (Object[] r : rows) {
      exceptions.add(new RuleException((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
          r[6] instanceof Date d ? d.toLocalDate() : (LocalDate) r[6]));
    }
    return new Policy(base.pinning(), base.selfHostedLabels(), base.severityOverrides(), exceptions, base.posture());
  }
}
