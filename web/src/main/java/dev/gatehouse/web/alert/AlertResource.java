package dev.gatehouse.web.alert;

import dev.gatehouse.web.audit.AuditLog;
import dev.gatehouse.web.auth.CurrentUser;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.api.Cursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

  /** Body of an acknowledgement: why. Who is the signed-in user or token. */
  public record Acknowledgement(String note) {}

  private final AuditLog audit;
  private final CurrentUser user;
  private final AlertQuery query;

  AlertResource(AuditLog audit, CurrentUser user, AlertQuery query) {
    this.audit = audit;
    this.user = user;
    this.query = query;
  }

  /**
   * Alerts of an organization, newest first, {@code limit} (default 100, at most 500) at a time; pass
   * {@code nextCursor} back as {@code cursor}. {@code open=true} for unacknowledged alerts only,
   * {@code open=false} for acknowledged ones.
   */
  @GET
  public Cursor.Page<AlertView> list(@QueryParam("organization") String organization, @QueryParam("kind") String kind,
      @QueryParam("severity") String severity, @QueryParam("open") Boolean open, @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return query.search(AlertFilter.parse(organization, kind, severity, open), cursor, Cursor.limit(limit));
  }

  @POST
  @Path("/{id}/acknowledge")
  @RolesAllowed(Roles.ADMIN)
  @Transactional
  public AlertView acknowledge(@PathParam("id") long id, Acknowledgement ack) {
    if (ack == null || ack.note() == null || ack.note().isBlank()) {
      throw new BadRequestException("an acknowledgement needs a note");
    }
    return acknowledge(id, user.name(), ack.note().strip());
  }

  /** Records who acknowledged an alert and why (also used by the dashboard's form). */
  @Transactional
  public AlertView acknowledge(long id, String by, String note) {
    // Locked, so two acknowledgements at once cannot both pass the check below.
    AlertEntity alert = AlertEntity.<AlertEntity>findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> new NotFoundException("no alert " + id));
    if (alert.acknowledgedAt != null) {
      // The first acknowledgement stands: who and why are evidence, not something to overwrite.
      throw new jakarta.ws.rs.ClientErrorException("alert " + id + " was acknowledged by " + alert.acknowledgedBy + " at "
          + alert.acknowledgedAt, 409);
    }
    alert.acknowledgedAt = Instant.now();
    alert.acknowledgedBy = by;
    alert.ackNote = note;
    audit.record(by, "alert.acknowledge", alert.kind + " " + alert.subject, note);
    return AlertView.of(alert);
  }
}
