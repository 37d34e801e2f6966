package dev.gatehouse.web.auth;

import static dev.gatehouse.web.db.Rows.instant;

import dev.gatehouse.web.audit.AuditLog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Local accounts: the bootstrap admin, password checks with a lockout, and accounts an admin adds. */
@ApplicationScoped
public class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class);
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  public static final String BOOTSTRAP_ADMIN = "admin";

  public record Account(long id, String username, String role, Instant createdAt, String createdBy, Instant disabledAt) {}

  /** A new account and its generated password, shown once. */
  public record Created(Account account, String password) {}

  private final EntityManager em;
  private final AuthConfig config;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  private final Sessions sessions;

  Accounts(EntityManager em, AuthConfig config, AuditLog audit, Sessions sessions) {
    this.sessions = sessions;
    this.em = em;
    this.config = config;
    this.audit = audit;
    this.clock = Clock.systemUTC();
  }

  void bootstrap(@Observes StartupEvent event) {
    if (config.bootstrapAdmin()) {
      createBootstrapAdmin().ifPresent(password -> LOG.infof("%n%n  Gatehouse created the account 'admin' with the password%n%n      %s%n%n"
          + "  It is shown this once and stored only as a hash. Sign in and change it under Account (your name, top right), or add accounts and disable this one.%n",
          password));
    }
  }

  /** Creates {@code admin} with a generated password when no account exists; empty otherwise. */
  @Transactional
  public Optional<String> createBootstrapAdmin() {
    // One replica wins; the others see the account (the unique username makes a race harmless).
    em.createNativeQuery("select pg_advisory_xact_lock(7261)").getSingleResult();
    Number count = (Number) em.createNativeQuery("select count(*) from app_user").getSingleResult();
    if (count.longValue() > 0) {
      return Optional.empty();
    }
    String password = Secrets.random(20);
    insert(BOOTSTRAP_ADMIN, password, Roles.ADMIN, "gatehouse");
    audit.record("gatehouse", "account.create", BOOTSTRAP_ADMIN, "bootstrap admin with a generated password");
    return Optional.of(password);
  }

  /** Adds an account with a generated password (admins hand it over; it is never stored in clear). */
  @Transactional
  public Created create(String username, String role, String actor) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException("a username is 1-64 letters, digits, '.', '_', '@' or '-'");
    }
    Roles.checked(role);
    if (find(username).isPresent()) {
      throw new IllegalArgumentException("the account " + username + " exists");
    }
    String password = Secrets.random(20);
    insert(username, password, role, actor);
    audit.record(actor, "account.create", username, "role " + role);
    return new Created(find(username).orElseThrow(), password);
  }

  /** Sets an account's password (the holder changing their own, or a test fixture). */
  @Transactional
  public void setPassword(String username, String password, String actor) {
    if (password == null || password.length() < 12) {
      throw new IllegalArgumentException("a password has at least 12 characters");
    }
    int n = em.createNativeQuery("update app_user set password_hash = ?1 where username = ?2")
        .setParameter(1, Secrets.hashPassword(password)).setParameter(2, username).executeUpdate();
    if (n == 0) {
      throw new IllegalArgumentException("no account " + username);
    }
    audit.record(actor, "account.password", username, null);
  }

  @Transactional
  public void disable(String username, String actor) {
    int n = em.createNativeQuery("update app_user set disabled_at = now() where username = ?1 and disabled_at is null")
        .setParameter(1, username).executeUpdate();
    if (n == 0) {
      throw new IllegalArgumentException("no active account " + username);
    }
    em.createNativeQuery("delete from user_session where username = ?1 and source = 'local'").setParameter(1, username).executeUpdate();
    sessions.forgetCached();
    audit.record(actor, "account.disable", username, null);
  }

  /** The account's role when the password matches and the account is usable; empty otherwise. */
  @Transactional
  public Optional<String> authenticate(String username, String password) {
    if (username == null || password == null || username.length() > 64 || password.length() > 1024) {
      return Optional.empty();
    }
    if (lockedOut(username)) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(
        "select password_hash, role from app_user where username = ?1 and disabled_at is null")
        .setParameter(1, username).getResultList();
    // One hash check whether or not the account exists, so timing does not tell which accounts exist.
    boolean matches = Secrets.verifyPassword(password, rows.isEmpty() ? UNKNOWN_ACCOUNT : (String) rows.get(0)[0]);
    if (!rows.isEmpty() && matches) {
      failures.remove(username);
      return Optional.of((String) rows.get(0)[1]);
    }
    Deque<Instant> recent = failures.computeIfAbsent(username, u -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(clock.instant());
    }
    if (failures.size() > 10_000) {
      failures.keySet().removeIf(u -> !lockedOut(u)); // names that failed once long ago (or random ones) do not pile up
    }
    return Optional.empty();
  }

  /** A hash no password matches in practice, checked for unknown accounts at the same cost as a real one. */
  private static final String UNKNOWN_ACCOUNT = Secrets.hashPassword(Secrets.random(32));

  /** Too many recent failures: refused without checking the password. */
  public boolean lockedOut(String username) {
    Deque<Instant> recent = failures.get(username);
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      Instant horizon = clock.instant().minus(config.lockout());
      while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
        recent.pollFirst();
      }
      return recent.size() >= config.maxFailedLogins();
    }
  }

  @Transactional
  public List<Account> list() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(
        "select id, username, role, created_at, created_by, disabled_at from app_user order by username").getResultList();
    return rows.stream().map(Accounts::account).toList();
  }

  @Transactional
  public Optional<Account> find(String username) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(
        "select id, username, role, created_at, created_by, disabled_at from app_user where username = ?1")
        .setParameter(1, username).getResultList();
    return rows.stream().findFirst().map(Accounts::account);
  }

  private void insert(String username, String password, String role, String actor) {
    em.createNativeQuery("insert into app_user (username, password_hash, role, created_by) values (?1, ?2, ?3, ?4)")
        .setParameter(1, username).setParameter(2, Secrets.hashPassword(password)).setParameter(3, role)
        .setParameter(4, actor).executeUpdate();
  }

  private static Account account(Object[] r) {
    return new Account(((Number) r[0]).longValue(), (String) r[1], (String) r[2], instant(r[3]), (String) r[4], instant(r[5]));
  }
}
