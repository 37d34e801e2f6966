package dev.gatehouse.web.finding;

import dev.gatehouse.web.org.OrganizationEntity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One finding identity (fingerprint) of an organization and its lifecycle. */
@Entity
@Table(name = "finding")
public class FindingEntity extends PanacheEntityBase {

  public static final String OPEN = "open";
  public static final String FIXED = "fixed";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_id_seq")
  @SequenceGenerator(name = "finding_id_seq", sequenceName = "finding_id_seq", allocationSize = 50)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "organization_id")
  public OrganizationEntity organization;

  @Column(nullable = false)
  public String subject;

  /** {@code workflow} (from files) or {@code settings} (settings and runner rules): merged separately. */
  @Column(nullable = false)
  public String scope;

  @Column(nullable = false)
  public String fingerprint;

  @Column(name = "rule_id", nullable = false)
  public String ruleId;

  @Column(nullable = false)
  public String severity;

  @Column(nullable = false)
  public String confidence;

  @Column(nullable = false)
  public String message;

  @Column(nullable = false)
  public String file;

  @Column(nullable = false)
  public int line;

  @Column(name = "col", nullable = false)
  public int column;

  @Column(nullable = false)
  public String path;

  @Column(nullable = false)
  public String status;

  @Column(name = "suppression_kind")
  public String suppressionKind;

  @Column(name = "suppression_reason")
  public String suppressionReason;

  @Column(name = "suppression_owner")
  public String suppressionOwner;

  @Column(name = "suppression_expires")
  public LocalDate suppressionExpires;

  @Column(name = "first_seen_scan_id")
  public Long firstSeenScanId;

  @Column(name = "first_seen_at", nullable = false)
  public Instant firstSeenAt;

  @Column(name = "last_seen_scan_id")
  public Long lastSeenScanId;

  @Column(name = "last_seen_at", nullable = false)
  public Instant lastSeenAt;

  @Column(name = "fixed_scan_id")
  public Long fixedScanId;

  @Column(name = "fixed_at")
  public Instant fixedAt;

  @Column(name = "reintroduced_count", nullable = false)
  public int reintroducedCount;
}
