package dev.gatehouse.web.auth;

import static dev.gatehouse.web.db.Rows.instant;

import dev.gatehouse.web.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for automation: created by admins, shown once, stored as SHA-256, scoped read or
 * admin, optionally expiring, revocable, with the time of last use (written at most once a minute).
 */
@ApplicationScoped
public class ApiTokens {

  /** Every token starts with this, so secret scanners and people can recognise one. */
  public static final String PREFIX = "gth_";

  public record Token(long id, String name, String prefix, String scope, String createdBy, Instant createdAt,
      Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy) {
    public boolean active() {
      return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
    }
  }

  /** A new token and its secret, returned once. */
  public record Created(Token token, String secret) {}

  /** A valid token's owner: its scope decides the roles. */
  public record Bearer(long id, String name, String scope) {
    public String role() {
      return "admin".equals(scope) ? Roles.ADMIN : Roles.VIEWER;
    }
  }

  private final EntityManager em;
  private final AuditLog audit;

  ApiTokens(EntityManager em, AuditLog audit) {
    this.em = em;
    this.audit = audit;
  }

  @Transactional
  public Created create(String name, String scope, Instant expiresAt, String actor) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("a token needs a name of at most 100 characters");
    }
    if (!"read".equals(scope) && !"admin".equals(scope)) {
      throw new IllegalArgumentException("scope must be read or admin");
    }
    if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
      throw new IllegalArgumentException("expiry must be in the future");
    }
    String secret = PREFIX + Secrets.random(40);
    Number id = (Number) em.createNativeQuery("insert into api_token (name, token_hash, token_prefix, scope, created_by, expires_at) "
        + "values (?1, ?2, ?3, ?4, ?5, ?6) returning id")
        .setParameter(1, name.strip()).setParameter(2, Secrets.sha256(secret)).setParameter(3, secret.substring(0, 8))
        .setParameter(4, scope).setParameter(5, actor)
        .setParameter(6, expiresAt == null ? null : Timestamp.from(expiresAt)).getSingleResult();
    audit.record(actor, "token.create", name.strip(), "scope " + scope + (expiresAt == null ? ", no expiry" : ", expires " + expiresAt));
    return new Created(find(id.longValue()).orElseThrow(), secret);
  }

  @Transactional
  public Token revoke(long id, String actor) {
    Token token = find(id).orElseThrow(() -> new NotFoundException("no token " + id));
    int revoked = em.createNativeQuery("update api_token set revoked_at = now(), revoked_by = ?2 where id = ?1 and revoked_at is null")
        .setParameter(1, id).setParameter(2, actor).executeUpdate();
    if (revoked == 1) {
      audit.record(actor, "token.revoke", token.name(), null);
    }
    return find(id).orElseThrow();
  }

  /** The token's owner when it is valid, recording its use. */
  @Transactional
  public Optional<Bearer> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select id, name, scope, last_used_at from api_token where token_hash = ?1 "
        + "and revoked_at is null and (expires_at is null or expires_at > now())")
        .setParameter(1, Secrets.sha256(secret)).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    long id = ((Number) r[0]).longValue();
    Instant lastUsed = instant(r[3]);
    if (lastUsed == null || lastUsed.isBefore(Instant.now().minus(Duration.ofMinutes(1)))) {
      em.createNativeQuery("update api_token set last_used_at = now() where id = ?1").setParameter(1, id).executeUpdate();
    }
    return Optional.of(new Bearer(id, (String) r[1], (String) r[2]));
  }

  @Transactional
  public List<Token> list() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(SELECT + " order by revoked_at nulls first, created_at desc").getResultList();
    return rows.stream().map(ApiTokens::token).toList();
  }

  @Transactional
  public Optional<Token> find(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(SELECT + " where id = ?1").setParameter(1, id).getResultList();
    return rows.stream().findFirst().map(ApiTokens::token);
  }

  private static final String SELECT = "select id, name, token_prefix, scope, created_by, created_at, expires_at, "
      + "last_used_at, revoked_at, revoked_by from api_token";

  private static Token token(Object[] r) {
    return new Token(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
        instant(r[5]), instant(r[6]), instant(r[7]), instant(r[8]), (String) r[9]);
  }
}
