package dev.gatehouse.web.finding;

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

/** A change a scan observed on a finding: new, fixed, reintroduced, severity or suppression changed. */
@Entity
@Table(name = "finding_event")
public class FindingEventEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_event_id_seq")
  @SequenceGenerator(name = "finding_event_id_seq", sequenceName = "finding_event_id_seq", allocationSize = 50)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "finding_id")
  public FindingEntity finding;

  @Column(name = "scan_id")
  public Long scanId;

  @Column(nullable = false)
  public Instant at;

  @Column(nullable = false)
  public String kind;

  public String before;

  public String after;

  static FindingEventEntity of(FindingEntity finding, Long scanId, Instant at, String kind, String before, String after) {
    FindingEventEntity e = new FindingEventEntity();
    e.finding = finding;
    e.scanId = scanId;
    e.at = at;
    e.kind = kind;
    e.before = before;
    e.after = after;
    return e;
  }
}
