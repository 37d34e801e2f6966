package dev.gatehouse.web.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A drift alert raised at the close of a scan, until someone acknowledges it with a note. */
@Entity
@Table(name = "alert")
public class AlertEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "organization_id", nullable = false)
  public long organizationId;

  @Column(name = "scan_id", nullable = false)
  public long scanId;

  @Column(nullable = false)
  public String kind;

  @Column(nullable = false)
  public String severity;

  @Column(nullable = false)
  public String subject;

  public String before;

  public String after;

  @Column(nullable = false)
  public String message;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "acknowledged_by")
  public String acknowledgedBy;

  @Column(name = "ack_note")
  public String ackNote;
}
