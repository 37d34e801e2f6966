package dev.gatehouse.web.alert;

import dev.gatehouse.web.audit.AuditLog;
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

  /** Body of an acknowledgement: who and why (authentication will supply the who). */
  public record Acknowledgement(String by, String note) {}

  private final AuditLog audit;

  AlertResource(AuditLog audit) {
    this.audit = audit;
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
  @Transactional
  public AlertView acknowledge(@PathParam("id") long id, Acknowledgement ack) {
    if (ack == null || ack.by() == null || ack.by().isBlank() || ack.note() == null || ack.note().isBlank()) {
      throw new BadRequestException("an acknowledgement needs who (by) and a note");
    }
    AlertEntity alert = AlertEntity.<AlertEntity>findByIdOptional(id).orElseThrow(() -> new NotFoundException("no alert " + id));
    alert.acknowledgedAt = Instant.now();
    alert.acknowledgedBy = ack.by();
    alert.ackNote = ack.note();
    audit.record(ack.by(), "alert.acknowledge", alert.kind + " " + alert.subject, ack.note());
    return AlertView.of(alert);
  }
}
