package dev.gatehouse.web.alert;

import dev.gatehouse.web.auth.CurrentUser;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.http.NotFoundPage;
import dev.gatehouse.web.http.Urls;
import dev.gatehouse.web.org.OrganizationEntity;
import dev.gatehouse.web.api.Cursor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The drift alerts timeline, with acknowledgement for admins (POST, then a 303 back to the same view). */
@Path("/orgs/{org}/alerts")
public class AlertsPage {

  static final int PAGE_SIZE = 50;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance alerts(String org, AlertFilter filter, List<AlertDay> days, List<String> kinds,
        String firstHref, String nextHref, String notice, String problem);
  }

  private final AlertQuery query;
  private final AlertResource alerts;
  private final CurrentUser user;
  private final GitHubTarget target;

  AlertsPage(AlertQuery query, AlertResource alerts, CurrentUser user, GitHubTarget target) {
    this.query = query;
    this.alerts = alerts;
    this.user = user;
    this.target = target;
  }

  /** {@code done} and {@code alert} carry the outcome of an acknowledgement across its redirect. */
  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response alerts(@PathParam("org") String org, @QueryParam("kind") String kind,
      @QueryParam("severity") String severity, @QueryParam("open") String open, @QueryParam("cursor") String cursor,
      @QueryParam("done") String done, @QueryParam("alert") Long alert) {
    if (OrganizationEntity.findByLogin(org).isEmpty() && !target.organizations().contains(org)) {
      return NotFoundPage.response(null, "No organization " + org + " is scanned here.");
    }
    AlertFilter filter = AlertFilter.parse(org, kind, severity, AlertFilter.open(open));
    Cursor.Page<AlertView> page = query.search(filter, cursor, PAGE_SIZE);
    String base = base(org);
    String firstHref = cursor == null || cursor.isBlank() ? null : base + filter.pageQuery(null);
    String nextHref = page.nextCursor() == null ? null : base + filter.pageQuery(page.nextCursor());
    Outcome outcome = Outcome.parse(done);
    String message = outcome == null || alert == null ? null : outcome.message.formatted(alert);
    boolean failed = outcome != null && outcome != Outcome.ACKNOWLEDGED;
    return Response.ok(Templates.alerts(org, filter, AlertDay.group(page.items()), query.kinds(org), firstHref, nextHref,
        failed ? null : message, failed ? message : null)).build();
  }

  @POST
  @Path("/{id}/acknowledge")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.ADMIN)
  public Response acknowledge(@PathParam("org") String org, @PathParam("id") long id, @FormParam("note") String note,
      @FormParam("kind") String kind, @FormParam("severity") String severity, @FormParam("open") String open) {
    Optional<AlertView> alert = query.find(org, id);
    if (alert.isEmpty()) {
      return NotFoundPage.response(org, "No alert " + id + " in " + org + ".");
    }
    Outcome outcome;
    if (alert.get().acknowledgedAt() != null) {
      outcome = Outcome.ALREADY;
    } else if (note == null || note.isBlank()) {
      outcome = Outcome.NOTE_MISSING;
    } else {
      alerts.acknowledge(id, user.name(), note.strip());
      outcome = Outcome.ACKNOWLEDGED;
    }
    AlertFilter back = AlertFilter.parse(org, kind, severity, AlertFilter.open(open));
    String query = back.pageQuery(null);
    String flash = (query.isEmpty() ? "?" : query + "&") + "done=" + outcome.id() + "&alert=" + id;
    return Response.seeOther(URI.create(base(org) + flash + "#alert-" + id)).build();
  }

  private static String base(String org) {
    return "/orgs/" + Urls.segment(org) + "/alerts";
  }

  /** What became of an acknowledgement; the page words it, so the redirect carries no free text. */
  enum Outcome {
    ACKNOWLEDGED("Alert %d acknowledged."),
    NOTE_MISSING("Alert %d was not acknowledged: an acknowledgement needs a note."),
    ALREADY("Alert %d had already been acknowledged.");

    final String message;

    Outcome(String message) {
      this.message = message;
    }

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static Outcome parse(String id) {
      for (Outcome o : values()) {
        if (o.id().equals(id)) {
          return o;
        }
      }
      return null;
    }
  }
}
