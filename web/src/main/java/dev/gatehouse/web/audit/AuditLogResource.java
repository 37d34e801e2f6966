package dev.gatehouse.web.audit;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/audit-log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

  private final AuditTrail trail;

  AuditLogResource(AuditTrail trail) {
    this.trail = trail;
  }

  /** Newest first; pass {@code nextCursor} back as {@code cursor} for the next page. {@code limit} 1 to 500. */
  @GET
  public AuditTrail.Page list(@QueryParam("action") String action, @QueryParam("actor") String actor,
      @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > AuditTrail.MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + AuditTrail.MAX_LIMIT);
    }
    try {
      return trail.page(action, actor, cursor, limit);
    } catch (AuditTrail.InvalidCursor e) {
      throw new BadRequestException(e.getMessage());
    }
  }
}
