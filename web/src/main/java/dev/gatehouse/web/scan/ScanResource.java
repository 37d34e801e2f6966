package dev.gatehouse.web.scan;

import dev.gatehouse.web.paging.Keyset;
import dev.gatehouse.web.api.Cursor;
import dev.gatehouse.web.auth.CurrentUser;
import jakarta.ws.rs.QueryParam;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.github.GitHubTarget;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;

@Path("/api/v1/scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

  /** Body of {@code POST /api/v1/scans}; the organization defaults to the only configured one. */
  public record ScanRequest(String organization) {}

  private final ScanService scans;
  private final GitHubTarget target;
  private final CurrentUser user;

  ScanResource(ScanService scans, GitHubTarget target, CurrentUser user) {
    this.scans = scans;
    this.target = target;
    this.user = user;
  }

  /** 202 with the new scan, or 200 with the scan already running for that organization. */
  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response start(ScanRequest request, @Context UriInfo uri) {
    String org = request == null || request.organization() == null ? onlyConfiguredOrganization() : request.organization();
    ScanService.Requested requested;
    try {
      requested = scans.request(org, "api", user.name());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    return Response.status(requested.created() ? Response.Status.ACCEPTED : Response.Status.OK)
        .location(uri.getBaseUriBuilder().path("api/v1/scans").path(String.valueOf(requested.scan().id())).build())
        .entity(requested.scan())
        .build();
  }

  /** Scans of an organization, newest first, with their statistics; {@code nextCursor} continues. */
  @GET
  public Cursor.Page<ScanView> list(@QueryParam("organization") String organization, @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    if (organization == null || organization.isBlank()) {
      throw new BadRequestException("organization is required");
    }
    int n = Cursor.limit(limit);
    long[] after = Keyset.after(cursor, 1);
    return Keyset.page(scans.list(organization, after == null ? Long.MAX_VALUE : after[0], n + 1), n, s -> Keyset.cursor(s.id()),
        s -> s);
  }

  @GET
  @Path("/{id}")
  public ScanView get(@PathParam("id") long id) {
    return scans.find(id).orElseThrow(() -> new NotFoundException("no scan " + id));
  }

  private String onlyConfiguredOrganization() {
    List<String> orgs = target.organizations();
    if (orgs.size() != 1) {
      throw new BadRequestException("name the organization to scan: {\"organization\": \"LOGIN\"}");
    }
    return orgs.get(0);
  }
}
