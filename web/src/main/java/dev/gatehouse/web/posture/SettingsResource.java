package dev.gatehouse.web.posture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/organizations/{org}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

  private final SettingsPosture posture;

  SettingsResource(SettingsPosture posture) {
    this.posture = posture;
  }

  /** The organization's settings in its latest completed scan, each with its readability and verdict, and repository overrides. */
  @GET
  public SettingsPosture.Report settings(@PathParam("org") String org) {
    return posture.of(org).orElseThrow(() -> new NotFoundException("no completed scan of " + org));
  }
}
