package dev.gatehouse.web.scan;

import dev.gatehouse.web.org.OrganizationEntity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "scan")
public class ScanEntity extends PanacheEntityBase {

  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "organization_id")
  public OrganizationEntity organization;

  @Column(nullable = false)
  public String trigger;

  @Column(nullable = false)
  public String status;

  @Column(name = "requested_by")
  public String requestedBy;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Column(name = "repository_count")
  public Integer repositoryCount;

  public String error;

  public Integer requests;

  @Column(name = "rate_limit_points")
  public Integer rateLimitPoints;

  @Column(name = "not_modified")
  public Integer notModified;

  @Column(name = "findings_open")
  public Integer findingsOpen;

  @Column(name = "units_total")
  public Integer unitsTotal;

  @Column(name = "units_done", nullable = false)
  public int unitsDone;

  /** Units given up after {@link ScanUnits#MAX_ATTEMPTS}: repositories this scan could not read or audit. */
  @Column(name = "units_failed", nullable = false)
  public int unitsFailed;

  @Column(name = "closed_at")
  public Instant closedAt;

  public static Optional<ScanEntity> findRunning(OrganizationEntity org) {
    return find("organization = ?1 and status = ?2", org, RUNNING).firstResultOptional();
  }
}
