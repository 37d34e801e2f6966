package dev.gatehouse.web.posture;

import dev.gatehouse.web.http.NotFoundPage;
import dev.gatehouse.web.report.ControlReport;
import dev.gatehouse.web.scan.CompletedScans;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The organization's Actions settings against the policy, repository overrides, and the compliance controls. */
@Path("/orgs/{org}/settings")
public class SettingsPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(String org, SettingsPosture.Report report, ControlReport.Report controls);
  }

  private final SettingsPosture posture;
  private final ControlReport controls;
  private final CompletedScans scans;

  SettingsPage(SettingsPosture posture, ControlReport controls, CompletedScans scans) {
    this.posture = posture;
    this.controls = controls;
    this.scans = scans;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response index(@PathParam("org") String org) {
    SettingsPosture.Report report = posture.of(org).orElse(null);
    if (report == null && !scans.known(org)) {
      return NotFoundPage.response(null, "No organization " + org + " is scanned here.");
    }
    return Response.ok(Templates.index(org, report, report == null ? null : controls.build(org))).build();
  }
}
