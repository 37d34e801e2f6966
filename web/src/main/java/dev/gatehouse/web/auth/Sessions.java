package dev.gatehouse.web.auth;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Dashboard sessions in PostgreSQL, so every replica accepts them and signing out ends them at
 * once. The cookie carries a random id; the table keeps only its SHA-256.
 */
@ApplicationScoped
public class Sessions {

  public static final String COOKIE = "gatehouse_session";

  /** Who a session belongs to. */
  public record Holder(String username, String role, String source) {}

  private final EntityManager em;
  private final AuthConfig config;

  Sessions(EntityManager em, AuthConfig config) {
    this.em = em;
    this.config = config;
  }

  /** Starts a session; returns the cookie value (the only place the id exists in clear). */
  @Transactional
  public String start(String username, String role, String source) {
    String id = Secrets.random(43);
    em.createNativeQuery("insert into user_session (id_hash, username, role, source, expires_at) values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, Secrets.sha256(id)).setParameter(2, username).setParameter(3, Roles.checked(role))
        .setParameter(4, source).setParameter(5, Timestamp.from(Instant.now().plus(config.sessionTimeout())))
        .executeUpdate();
    return id;
  }

  /**
   * Recently seen sessions, so a page view does not cost a database round trip. An entry lives
   * {@link #CACHE_NANOS}: signing out on another replica, or disabling the account, takes effect
   * here within that time (on this replica at once).
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();
  static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

  private record Cached(Holder holder, long until) {}

  public Optional<Holder> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) {
      return Optional.empty();
    }
    Cached cached = recent.get(id);
    if (cached != null && cached.until() - System.nanoTime() > 0) {
      return Optional.of(cached.holder());
    }
    Optional<Holder> found = lookup(id);
    if (recent.size() > 10_000) {
      recent.clear();
    }
    found.ifPresentOrElse(h -> recent.put(id, new Cached(h, System.nanoTime() + CACHE_NANOS)), () -> recent.remove(id));
    return found;
  }

  /** Forgets cached sessions (an account was disabled). */
  public void forgetCached() {
    recent.clear();
  }

  @Transactional
  Optional<Holder> lookup(String id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(
        "select username, role, source from user_session where id_hash = ?1 and expires_at > now()")
        .setParameter(1, Secrets.sha256(id)).getResultList();
    return rows.stream().findFirst().map(r -> new Holder((String) r[0], (String) r[1], (String) r[2]));
  }

  @Transactional
  public void end(String id) {
    if (id != null) {
      recent.remove(id);
      em.createNativeQuery("delete from user_session where id_hash = ?1").setParameter(1, Secrets.sha256(id)).executeUpdate();
    }
  }

  @Scheduled(every = "1h", delayed = "1m")
  @Transactional
  void purgeExpired() {
    em.createNativeQuery("delete from user_session where expires_at < now()").executeUpdate();
  }
}
