package dev.gatehouse.web.runner;

import dev.gatehouse.web.http.NotFoundPage;
import dev.gatehouse.web.scan.CompletedScans;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Runner groups, runners, their exposure to public repositories, and runner drift over time. */
@Path("/orgs/{org}/runners")
public class RunnersPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(String org, RunnerPosture.Report report);
  }

  private final RunnerPosture runners;
  private final CompletedScans scans;

  RunnersPage(RunnerPosture runners, CompletedScans scans) {
    this.runners = runners;
    this.scans = scans;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response index(@PathParam("org") String org) {
    RunnerPosture.Report report = runners.of(org).orElse(null);
    if (report == null && !scans.known(org)) {
      return NotFoundPage.response(null, "No organization " + org + " is scanned here.");
    }
    return Response.ok(Templates.index(org, report)).build();
  }
}
