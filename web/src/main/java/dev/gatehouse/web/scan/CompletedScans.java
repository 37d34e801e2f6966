package dev.gatehouse.web.scan;

import dev.gatehouse.web.org.OrganizationEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** The latest completed scan of an organization: what the posture pages and their API read. */
@ApplicationScoped
public class CompletedScans {

  public record CompletedScan(long id, long organizationId, String organization, Instant closedAt) {}

  @Transactional
  public Optional<CompletedScan> latest(String org) {
    return ScanEntity.<ScanEntity>find("organization.login = ?1 and status = ?2 and closedAt is not null order by id desc",
            org, ScanEntity.COMPLETED).firstResultOptional()
        .map(s -> new CompletedScan(s.id, s.organization.id, s.organization.login, s.closedAt));
  }

  /** Whether Gatehouse knows the organization at all (it has been scanned, or a scan was requested). */
  @Transactional
  public boolean known(String org) {
    return OrganizationEntity.findByLogin(org).isPresent();
  }
}
