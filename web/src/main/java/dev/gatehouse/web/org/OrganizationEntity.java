package dev.gatehouse.web.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "organization")
public class OrganizationEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, unique = true)
  public String login;

  @Column(name = "github_id")
  public Long githubId;

  @Column(name = "api_url", nullable = false)
  public String apiUrl;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public Instant createdAt;

  public static Optional<OrganizationEntity> findByLogin(String login) {
    return find("login", login).firstResultOptional();
  }
}
