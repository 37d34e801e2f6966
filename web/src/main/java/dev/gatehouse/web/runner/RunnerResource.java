package dev.gatehouse.web.runner;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/organizations/{org}/runners")
@Produces(MediaType.APPLICATION_JSON)
public class RunnerResource {

  private final RunnerPosture runners;

  RunnerResource(RunnerPosture runners) {
    this.runners = runners;
  }

  /** Runner groups and runners of the latest completed scan, with what could not be read, and runner drift alerts. */
  @GET
  public RunnerPosture.Report runners(@PathParam("org") String org) {
    return runners.of(org).orElseThrow(() -> new NotFoundException("no completed scan of " + org));
  }
}
