package dev.gatehouse.web.api;

import dev.gatehouse.web.paging.Keyset;
import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.overview.Overview;
import dev.gatehouse.web.repo.RepositoryDetail;
import dev.gatehouse.web.repo.RepositoryQuery;
import dev.gatehouse.web.scan.ScanView;
import dev.gatehouse.web.schedule.ScheduleView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Organizations and their repositories (with settings, workflows and findings) for automation. */
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

  /** An organization's state: open findings, scans, schedule, and the compliance controls. */
  public record Organization(String login, Overview.Counts openFindings, long repositories, long openAlerts, ScanView lastScan,
      ScanView runningScan, ScheduleView schedule, Object controls) {
    static Organization of(Overview.Model m) {
      return new Organization(m.organization(), m.open(), m.repositories(), m.openAlerts(), m.lastScan(), m.running(), m.schedule(),
          m.controls() == null ? null : m.controls().controls());
    }
  }

  private final Overview overview;
  private final GitHubTarget target;
  private final RepositoryQuery repositories;
  private final RepositoryDetail detail;

  OrganizationResource(Overview overview, GitHubTarget target, RepositoryQuery repositories, RepositoryDetail detail) {
    this.overview = overview;
    this.target = target;
    this.repositories = repositories;
    this.detail = detail;
  }

  @GET
  public List<Organization> list() {
    return overview.organizations(target.organizations()).stream().map(overview::of).map(Organization::of).toList();
  }

  @GET
  @Path("{org}")
  public Organization get(@PathParam("org") String org) {
    Overview.Model model = overview.of(org);
    if (!model.known() && !target.organizations().contains(org)) {
      throw new NotFoundException("no organization " + org);
    }
    return Organization.of(model);
  }

  /** Repositories in name order, filtered like the dashboard's list; {@code nextCursor} continues. */
  @GET
  @Path("{org}/repositories")
  public Cursor.Page<RepositoryQuery.Row> repositories(@PathParam("org") String org, @QueryParam("q") String q,
      @QueryParam("visibility") String visibility, @QueryParam("archived") Boolean archived, @QueryParam("severity") String severity,
      @QueryParam("selfHosted") Boolean selfHosted, @QueryParam("privileged") Boolean privileged,
      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    int n = Cursor.limit(limit);
    get(org); // 404 for an organization never scanned nor configured
    RepositoryQuery.Filter filter = new RepositoryQuery.Filter(q, visibility, archived, severity, selfHosted, privileged, "name", 1);
    List<RepositoryQuery.Row> rows = repositories.find(org, filter, Cursor.decode(cursor), n + 1).rows();
    return Keyset.page(rows, n, row -> Cursor.encode(row.fullName()), row -> row);
  }

  /** One repository: effective settings beside the organization's, workflows, findings with context, history. */
  @GET
  @Path("{org}/repositories/{name}")
  public RepositoryDetail.Model repository(@PathParam("org") String org, @PathParam("name") String name) {
    return detail.of(org, name).orElseThrow(() -> new NotFoundException("no repository " + org + "/" + name));
  }
}
