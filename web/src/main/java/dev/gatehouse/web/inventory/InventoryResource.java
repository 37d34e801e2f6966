package dev.gatehouse.web.inventory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/organizations/{org}/actions")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

  private final ActionInventoryService inventory;

  InventoryResource(ActionInventoryService inventory) {
    this.inventory = inventory;
  }

  /** The action inventory of the latest completed scan: actions, refs, pinning, allowlist verdicts, unused allowlist entries. */
  @GET
  public InventoryView actions(@PathParam("org") String org) {
    return inventory.of(org).orElseThrow(() -> new NotFoundException("no completed scan of " + org));
  }
}
