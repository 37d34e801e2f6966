package dev.gatehouse.web.finding;

import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.http.NotFoundPage;
import dev.gatehouse.web.http.Urls;
import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.api.Cursor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The findings explorer: a bookmarkable GET form of filters over an organization's findings history. */
@Path("/orgs/{org}/findings")
public class FindingsPage {

  static final int PAGE_SIZE = 50;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance findings(String org, FindingFilter filter, List<FindingRow> findings,
        List<SeverityCount> counts, long total, String firstHref, String nextHref, List<String> rules, List<String> subjects);
  }

  private final FindingQuery query;
  private final GitHubTarget target;

  FindingsPage(FindingQuery query, GitHubTarget target) {
    this.query = query;
    this.target = target;
  }

  /** Without a status the page shows open findings; {@code status=all} shows every state. */
  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response findings(@PathParam("org") String org, @QueryParam("rule") String rule,
      @QueryParam("severity") String severity, @QueryParam("status") String status,
      @QueryParam("repository") String repository, @QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("q") String text, @QueryParam("cursor") String cursor) {
    if (OrganizationEntity.findByLogin(org).isEmpty() && !target.organizations().contains(org)) {
      return NotFoundPage.response(null, "No organization " + org + " is scanned here.");
    }
    FindingFilter filter = FindingFilter.parse(org, rule, severity, status == null ? FindingState.OPEN.id() : status,
        repository, from, to, text);
    Cursor.Page<FindingRow> page = query.search(filter, cursor, PAGE_SIZE);
    Map<String, Long> bySeverity = query.severityCounts(filter);
    String base = "/orgs/" + Urls.segment(org) + "/findings";
    long all = bySeverity.values().stream().mapToLong(Long::longValue).sum();
    List<SeverityCount> counts = new ArrayList<>();
    counts.add(new SeverityCount("all", all, base + filter.withSeverity(null).pageQuery(), filter.severity() == null));
    bySeverity.forEach((sev, count) -> counts.add(new SeverityCount(sev, count,
        base + filter.withSeverity(sev).pageQuery(), sev.equals(filter.severity()))));
    long total = filter.severity() == null ? all : bySeverity.get(filter.severity());
    String firstHref = cursor == null || cursor.isBlank() ? null : base + filter.pageQuery();
    String nextHref = page.nextCursor() == null ? null : base + filter.pageQuery(page.nextCursor());
    List<String> rules = RuleRegistry.all().stream().map(RuleInfo::id).toList();
    return Response.ok(Templates.findings(org, filter, page.items(), counts, total, firstHref, nextHref, rules,
        query.subjects(org))).build();
  }
}
