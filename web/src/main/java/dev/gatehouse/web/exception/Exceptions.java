package dev.gatehouse.web.exception;

import static dev.gatehouse.web.db.Rows.instant;

import dev.gatehouse.scanner.policy.RuleException;
import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.web.audit.AuditLog;
import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.policy.PolicyHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rule exceptions: the policy file's and those granted in Gatehouse (table rule_exception, read
 * by Policies.effective at each scan, so a change takes effect at the next scan). Granting and
 * expiring are written to the audit log. Days are UTC, as at scan close.
 */
@ApplicationScoped
public class Exceptions {

  private static final String COLUMNS = "e.id, o.login, e.rule_id, e.repo, e.path, e.job, e.owner, e.reason, e.expires, "
      + "e.created_by, e.created_at, e.expired_at from rule_exception e left join organization o on o.id = e.organization_id";

  private final EntityManager em;
  private final PolicyHolder policy;
  private final AuditLog audit;

  Exceptions(EntityManager em, PolicyHolder policy, AuditLog audit) {
    this.em = em;
    this.policy = policy;
    this.audit = audit;
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /**
   * Exceptions that apply to an organization's scans (its own and those for every organization),
   * or all of them when {@code org} is null; active ones first, soonest expiry first.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<ExceptionView> list(String org) {
    LocalDate today = today();
    List<ExceptionView> all = new ArrayList<>();
    for (RuleException e : policy.current().exceptions()) {
      all.add(new ExceptionView(null, ExceptionView.POLICY_FILE, null, e.rule(), e.repo(), e.path(), e.job(), e.owner(), e.reason(),
          e.expires(), e.expiredOn(today), null, null, null));
    }
    List<Object[]> rows = org == null
        ? em.createNativeQuery("select " + COLUMNS + " order by e.id").getResultList()
        : em.createNativeQuery("select " + COLUMNS + " where o.login = ?1 or e.organization_id is null order by e.id")
            .setParameter(1, org).getResultList();
    rows.forEach(r -> all.add(view(r, today)));
    all.sort(Comparator.comparing(ExceptionView::expired)
        .thenComparing(ExceptionView::expires, Comparator.nullsLast(Comparator.naturalOrder())));
    return all;
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public Optional<ExceptionView> find(long id) {
    List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " where e.id = ?1").setParameter(1, id).getResultList();
    return rows.stream().findFirst().map(r -> view(r, today()));
  }

  @Transactional
  public ExceptionView create(ExceptionRequest request, String actor) {
    Valid v = validate(request);
    long id = ((Number) em.createNativeQuery("insert into rule_exception (organization_id, rule_id, repo, path, reason, owner, "
            + "expires, created_by) values (?1, ?2, ?3, nullif(?4, ''), ?5, ?6, ?7, ?8) returning id")
        .setParameter(1, v.organizationId()).setParameter(2, v.rule()).setParameter(3, v.repository()).setParameter(4, v.file() == null ? "" : v.file())
        .setParameter(5, v.reason()).setParameter(6, v.owner()).setParameter(7, Date.valueOf(v.expires()))
        .setParameter(8, actor).getSingleResult()).longValue();
    audit.record(actor, "exception.created", subject(v.rule(), v.repository(), v.file()),
        "organization " + request.organization().trim() + ", owner " + v.owner() + ", expires " + v.expires() + ": " + v.reason());
    return find(id).orElseThrow();
  }

  /**
   * Ends an exception now: its expiry moves to yesterday, so the next scan no longer applies it
   * (scans apply an exception through its expiry day), and it is marked expired so scan close does
   * not raise an "exception expired" alert for what an admin did on purpose.
   */
  @Transactional
  public ExceptionView expire(long id, String org, String actor) {
    ExceptionView e = find(id).filter(x -> org == null || org.equals(x.organization()) || x.organization() == null)
        .orElseThrow(() -> new ExceptionRefused(404, "no exception " + id + (org == null ? "" : " for " + org)));
    if (e.expired()) {
      throw new ExceptionRefused(409, "exception " + id + " has already expired");
    }
    LocalDate yesterday = today().minusDays(1);
    em.createNativeQuery("update rule_exception set expired_at = now(), expires = least(expires, ?2) where id = ?1")
        .setParameter(1, id).setParameter(2, Date.valueOf(yesterday)).executeUpdate();
    audit.record(actor, "exception.expired", subject(e.rule(), e.repository(), e.file()),
        "expired by hand; it was to expire " + e.expires() + " (owner " + e.owner() + ")");
    return find(id).orElseThrow();
  }

  private record Valid(long organizationId, String rule, String repository, String file, String owner, String reason,
      LocalDate expires) {}

  private Valid validate(ExceptionRequest r) {
    String org = required(r.organization(), "organization", 100);
    Long orgId = OrganizationEntity.findByLogin(org).map(o -> o.id)
        .orElseThrow(() -> ExceptionRefused.invalid("Gatehouse does not know the organization " + org));
    String rule = required(r.rule(), "rule", 100);
    if (RuleRegistry.info(rule) == null) {
      throw ExceptionRefused.invalid("there is no rule " + rule);
    }
    String repository = required(r.repository(), "repository pattern", 200);
    if (repository.chars().anyMatch(Character::isWhitespace)) {
      throw ExceptionRefused.invalid("the repository pattern must not contain spaces");
    }
    String file = r.file() == null || r.file().isBlank() ? null : required(r.file(), "file", 300);
    String owner = required(r.owner(), "owner", 100);
    String reason = r.reason() == null ? "" : r.reason().trim();
    if (reason.isEmpty() || reason.length() > 2000) {
      throw ExceptionRefused.invalid(reason.isEmpty() ? "the reason is required" : "the reason is longer than 2000 characters");
    }
    LocalDate expires = expiry(r.expires());
    return new Valid(orgId, rule, repository, file, owner, reason, expires);
  }

  private static LocalDate expiry(String value) {
    String text = required(value, "expiry date", 10);
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ExceptionRefused.invalid("the expiry date must be a date like 2027-01-31");
    }
    LocalDate today = today();
    if (date.isBefore(today)) {
      throw ExceptionRefused.invalid("the expiry date " + date + " is in the past");
    }
    if (date.isAfter(today.plusYears(1))) {
      throw ExceptionRefused.invalid("the expiry date must be at most a year ahead (" + today.plusYears(1) + ")");
    }
    return date;
  }

  private static String required(String value, String what, int max) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty()) {
      throw ExceptionRefused.invalid("the " + what + " is required");
    }
    if (v.length() > max) {
      throw ExceptionRefused.invalid("the " + what + " is longer than " + max + " characters");
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      throw ExceptionRefused.invalid("the " + what + " contains control characters");
    }
    return v;
  }

  private static String subject(String rule, String repository, String file) {
    return rule + " " + repository + (file == null ? "" : ":" + file);
  }

  private static ExceptionView view(Object[] r, LocalDate today) {
    LocalDate expires = r[8] instanceof Date d ? d.toLocalDate() : (LocalDate) r[8];
    Instant expiredAt = r[11] == null ? null : instant(r[11]);
    return new ExceptionView(((Number) r[0]).longValue(), ExceptionView.GATEHOUSE, (String) r[1], (String) r[2], (String) r[3],
        (String) r[4], (String) r[5], (String) r[6], (String) r[7], expires, expiredAt != null || today.isAfter(expires),
        (String) r[9], instant(r[10]), expiredAt);
  }
}
