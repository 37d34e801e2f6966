package dev.gatehouse.web.report;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/reports/controls")
@Produces(MediaType.APPLICATION_JSON)
public class ControlReportResource {

  private final ControlReport report;

  ControlReportResource(ControlReport report) {
    this.report = report;
  }

  /** Pass, fail or not evaluated per control, for the organization's latest completed scan, with evidence links. */
  @GET
  public ControlReport.Report controls(@QueryParam("organization") String organization) {
    if (organization == null || organization.isBlank()) {
      throw new jakarta.ws.rs.BadRequestException("organization is required");
    }
    ControlReport.Report r = report.build(organization);
    if (r == null) {
      throw new NotFoundException("no completed scan of " + organization);
    }
    return r;
  }
}
