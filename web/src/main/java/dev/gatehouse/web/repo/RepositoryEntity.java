package dev.gatehouse.web.repo;

import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.scan.ScanEntity;
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
@Table(name = "repository")
public class RepositoryEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "organization_id")
  public OrganizationEntity organization;

  @Column(name = "github_id", nullable = false)
  public long githubId;

  @Column(name = "node_id")
  public String nodeId;

  @Column(nullable = false)
  public String name;

  @Column(name = "full_name", nullable = false)
  public String fullName;

  @Column(nullable = false)
  public String visibility;

  @Column(nullable = false)
  public boolean fork;

  @Column(nullable = false)
  public boolean archived;

  @Column(name = "default_branch")
  public String defaultBranch;

  @Column(name = "pushed_at")
  public Instant pushedAt;

  @Column(name = "html_url")
  public String htmlUrl;

  @Column(name = "head_sha")
  public String headSha;

  @Column(name = "first_seen_at", nullable = false)
  public Instant firstSeenAt;

  @Column(name = "last_scanned_at")
  public Instant lastScannedAt;

  /** When a scan last found the repository missing from the organization's listing; null while it is listed. */
  @Column(name = "gone_at")
  public Instant goneAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "last_scan_id")
  public ScanEntity lastScan;

  public static Optional<RepositoryEntity> findByGitHubId(OrganizationEntity org, long githubId) {
    return find("organization = ?1 and githubId = ?2", org, githubId).firstResultOptional();
  }
}
