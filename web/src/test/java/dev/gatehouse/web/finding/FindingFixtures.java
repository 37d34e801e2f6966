package dev.gatehouse.web.finding;

import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.repo.RepositoryEntity;
import dev.gatehouse.web.scan.ScanEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Rows a scan of the mock GitHub cannot produce (fixed, suppressed and excepted findings, chosen
 * dates), written straight to the database for an organization of the test's own.
 */
public final class FindingFixtures {

  public final long organizationId;
  public final long scanId;
  public final String login;

  private FindingFixtures(long organizationId, long scanId, String login) {
    this.organizationId = organizationId;
    this.scanId = scanId;
    this.login = login;
  }

  /** A new organization named {@code prefix} plus a unique suffix, with one completed scan. */
  public static FindingFixtures organization(String prefix) {
    String login = prefix + "-" + Long.toString(System.nanoTime(), 36);
    return QuarkusTransaction.requiringNew().call(() -> {
      OrganizationEntity org = new OrganizationEntity();
      org.login = login;
      org.apiUrl = "http://localhost";
      org.persist();
      ScanEntity scan = new ScanEntity();
      scan.organization = org;
      scan.trigger = "api";
      scan.status = ScanEntity.COMPLETED;
      scan.startedAt = Instant.now();
      scan.persist();
      return new FindingFixtures(org.id, scan.id, login);
    });
  }

  public void repository(String name, String headSha) {
    QuarkusTransaction.requiringNew().run(() -> {
      RepositoryEntity r = new RepositoryEntity();
      r.organization = OrganizationEntity.findById(organizationId);
      r.githubId = System.nanoTime();
      r.name = name;
      r.fullName = login + "/" + name;
      r.visibility = "public";
      r.defaultBranch = "main";
      r.headSha = headSha;
      r.firstSeenAt = Instant.now();
      r.lastScannedAt = Instant.now();
      r.persist();
    });
  }

  /** A finding of {@code subject} ({@code ""} for the organization itself, else a repository name). */
  public long finding(String subject, String scope, String rule, String severity, String file, int line, String message,
      String status, String suppressionKind, LocalDate firstSeen) {
    return QuarkusTransaction.requiringNew().call(() -> {
      Instant seen = firstSeen.atTime(10, 0).toInstant(ZoneOffset.UTC);
      FindingEntity f = new FindingEntity();
      f.organization = OrganizationEntity.findById(organizationId);
      f.subject = subject.isEmpty() ? login : login + "/" + subject;
      f.scope = scope;
      f.fingerprint = Long.toString(System.nanoTime(), 36);
      f.ruleId = rule;
      f.severity = severity;
      f.confidence = "high";
      f.message = message;
      f.file = file;
      f.line = line;
      f.column = 1;
      f.path = "jobs.build";
      f.status = status;
      f.suppressionKind = suppressionKind;
      f.suppressionReason = suppressionKind == null ? null : "reviewed by the platform team";
      f.suppressionOwner = "exception".equals(suppressionKind) ? "sec-team" : null;
      f.firstSeenScanId = scanId;
      f.firstSeenAt = seen;
      f.lastSeenScanId = scanId;
      f.lastSeenAt = seen;
      f.fixedAt = FindingEntity.FIXED.equals(status) ? seen.plusSeconds(86_400) : null;
      f.persist();
      FindingEventEntity.of(f, scanId, seen, "new", null, severity).persist();
      if (f.fixedAt != null) {
        FindingEventEntity.of(f, scanId, f.fixedAt, "fixed", FindingEntity.OPEN, FindingEntity.FIXED).persist();
      }
      return f.id;
    });
  }
}
