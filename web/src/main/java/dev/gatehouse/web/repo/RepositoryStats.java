package dev.gatehouse.web.repo;

import dev.gatehouse.scanner.rule.RepoFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps the columns the repository list filters and sorts by in step with scans: workflow facts
 * per repository as its unit commits, open finding counts per repository and per scan.
 * Called inside the caller's transaction.
 */
@ApplicationScoped
public class RepositoryStats {

  private static final String COUNTS = "count(*) filter (where severity = 'critical'), count(*) filter (where severity = 'high'), "
      + "count(*) filter (where severity = 'medium'), count(*) filter (where severity = 'low'), count(*) filter (where severity = 'info')";
  private static final String OPEN = "status = 'open' and suppression_kind is null";

  private final EntityManager em;

  RepositoryStats(EntityManager em) {
    this.em = em;
  }

  public void recordFacts(long repositoryId, RepoFacts facts) {
    em.createNativeQuery("update repository set workflow_count = ?2, uses_self_hosted = ?3, privileged_triggers = ?4 where id = ?1")
        .setParameter(1, repositoryId).setParameter(2, facts.workflows()).setParameter(3, facts.selfHosted())
        .setParameter(4, String.join(",", facts.privilegedTriggers())).executeUpdate();
  }

  /** Open, unsuppressed findings of one repository (workflow and repository-level settings findings). */
  public void refreshRepository(long organizationId, String fullName) {
    em.createNativeQuery("update repository r set (open_critical, open_high, open_medium, open_low, open_info) = "
            + "(select " + COUNTS + " from finding f where f.organization_id = ?1 and f.subject = ?2 and " + OPEN + ") "
            + "where r.organization_id = ?1 and r.full_name = ?2")
        .setParameter(1, organizationId).setParameter(2, fullName).executeUpdate();
  }

  /** Every repository of the organization at once (scan close: settings findings merged, exceptions expired). */
  public void refreshOrganization(long organizationId) {
    em.createNativeQuery("update repository r set (open_critical, open_high, open_medium, open_low, open_info) = "
            + "(coalesce(c.critical, 0), coalesce(c.high, 0), coalesce(c.medium, 0), coalesce(c.low, 0), coalesce(c.info, 0)) "
            + "from repository r2 left join (select subject, "
            + "count(*) filter (where severity = 'critical') as critical, count(*) filter (where severity = 'high') as high, "
            + "count(*) filter (where severity = 'medium') as medium, count(*) filter (where severity = 'low') as low, "
            + "count(*) filter (where severity = 'info') as info "
            + "from finding where organization_id = ?1 and " + OPEN + " group by subject) c on c.subject = r2.full_name "
            + "where r.id = r2.id and r2.organization_id = ?1")
        .setParameter(1, organizationId).executeUpdate();
  }

  /** The organization's open findings by severity as of this scan, for the trend chart. */
  public void recordScanCounts(long scanId, long organizationId) {
    em.createNativeQuery("update scan s set (open_critical, open_high, open_medium, open_low, open_info) = "
            + "(select " + COUNTS + " from finding f where f.organization_id = ?2 and " + OPEN + ") where s.id = ?1")
        .setParameter(1, scanId).setParameter(2, organizationId).executeUpdate();
  }
}
