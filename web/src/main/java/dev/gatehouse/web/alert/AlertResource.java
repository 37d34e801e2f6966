package dev.gatehouse.web.alert;

import dev.gatehouse.web.audit.AuditLog;
import dev.gatehouse.web.auth.CurrentUser;
import dev.gatehouse.web.auth.Roles;
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
import java.util.List;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

  /** Body of an acknowledgement: why. Who is the signed-in user or token. */
  public record Acknowledgement(String note) {}

  private final AuditLog audit;
  private final CurrentUser user;

  AlertResource(AuditLog audit, CurrentUser user) {
    this.audit = audit;
    this.user = user;
  }

  /** Alerts of an organization, newest first; {@code open=true} for unacknowledged ones only. */
  @GET
  @Transactional
  public List<AlertView> list(@QueryParam("organization") String organization, @QueryParam("open") boolean open) {
    String q = "organizationId in (select o.id from OrganizationEntity o where o.login = ?1)"
        + (open ? " and acknowledgedAt is null" : "") + " order by createdAt desc, id desc";
    return AlertEntity.<AlertEntity>find(q, organization).page(0, 500).list().stream().map(AlertView::of).toList();
  }

  @POST
  @Path("/{id}/acknowledge")
  @RolesAllowed(Roles.ADMIN)
  @Transactional
  public AlertView acknowledge(@PathParam("id") long id, Acknowledgement ack) {
    if (ack == null || ack.note() == null || ack.note().isBlank()) {
      throw new BadRequestException("an acknowledgement needs a note");
    }
    return acknowledge(id, user.name(), ack.note());
  }

  /** Records who acknowledged an alert and why (also used by the dashboard's form). */
  @Transactional
  public AlertView acknowledge(long id, String by, String note) {
    AlertEntity alert = AlertEntity.<AlertEntity>findByIdOptional(id).orElseThrow(() -> new NotFoundException("no alert " + id));
    alert.acknowledgedAt = Instant.now();
    alert.acknowledgedBy = by;
    alert.ackNote = note;
    audit.record(by, "alert.acknowledge", alert.kind + " " + alert.subject, note);
    return AlertView.of(alert);
  }
}
