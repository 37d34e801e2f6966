package dev.gatehouse.web.overview;

import dev.gatehouse.web.auth.CurrentUser;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.scan.ScanService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/** The first screen: organizations, and each one's posture, trend, drift and scans. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance organizations(List<String> organizations, boolean demo);

    static native TemplateInstance overview(String org, Overview.Model model, boolean demo, String flash);
  }

  private final Overview overview;
  private final ScanService scans;
  private final GitHubTarget target;
  private final CurrentUser user;

  OverviewPage(Overview overview, ScanService scans, GitHubTarget target, CurrentUser user) {
    this.overview = overview;
    this.scans = scans;
    this.target = target;
    this.user = user;
  }

  /** One organization: straight to it; several: a list. */
  @GET
  public Response index() {
    List<String> orgs = overview.organizations(target.organizations());
    if (orgs.size() == 1) {
      return Response.seeOther(UriBuilder.fromPath("/orgs/{org}").build(orgs.get(0))).build();
    }
    return Response.ok(Templates.organizations(orgs, target.demo())).build();
  }

  @GET
  @Path("orgs/{org}")
  public TemplateInstance organization(@PathParam("org") String org, @QueryParam("flash") String flash) {
    return Templates.overview(org, overview.of(org), target.demo() && target.organizations().contains(org), flash);
  }

  /** Scan now: starts a scan (or joins the running one) and comes back to the overview, which shows progress. */
  @POST
  @Path("orgs/{org}/scan")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.ADMIN)
  public Response scanNow(@PathParam("org") String org) {
    ScanService.Requested requested;
    try {
      requested = scans.request(org, "manual", user.name());
    } catch (IllegalArgumentException e) {
      return Response.seeOther(UriBuilder.fromPath("/orgs/{org}").queryParam("flash", e.getMessage()).build(org)).build();
    }
    String flash = requested.created() ? "Scan " + requested.scan().id() + " started." : "Scan " + requested.scan().id() + " is already running.";
    return Response.seeOther(UriBuilder.fromPath("/orgs/{org}").queryParam("flash", flash).build(org)).build();
  }
}
