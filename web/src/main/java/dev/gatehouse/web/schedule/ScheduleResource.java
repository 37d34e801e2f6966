package dev.gatehouse.web.schedule;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/v1/schedule")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

  private final NightlyScans nightly;

  ScheduleResource(NightlyScans nightly) {
    this.nightly = nightly;
  }

  /** Each configured organization with its cron and the next time the scheduler will fire it. */
  @GET
  public List<ScheduleView> list() {
    return nightly.schedule();
  }
}
