package dev.gatehouse.web.audit;

import dev.gatehouse.web.api.Cursor;
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
  public Cursor.Page<AuditTrail.Entry> list(@QueryParam("action") String action, @QueryParam("actor") String actor,
      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    return trail.page(action, actor, cursor, Cursor.limit(limit));
  }
}
