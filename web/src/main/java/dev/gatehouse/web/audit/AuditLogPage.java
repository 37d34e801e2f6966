package dev.gatehouse.web.audit;

import dev.gatehouse.web.api.Cursor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Who did what and when: acknowledgements, exceptions, policy changes, sign-ins. */
@Path("/audit-log")
public class AuditLogPage {

  /**
   * The links keep the filters: {@code nextHref} is null on the last page, {@code newestHref} on the first. The page passes
   * no organization to the layout: the log spans organizations.
   */
  public record View(List<AuditTrail.Entry> entries, List<String> actions, String action, String actor, String nextHref,
      String newestHref, String error) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(String org, View view);
  }

  private final AuditTrail trail;

  AuditLogPage(AuditTrail trail) {
    this.trail = trail;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response index(@QueryParam("action") String action, @QueryParam("actor") String actor, @QueryParam("cursor") String cursor) {
    Cursor.Page<AuditTrail.Entry> page;
    try {
      page = trail.page(action, actor, cursor, Cursor.DEFAULT_LIMIT);
    } catch (BadRequestException e) {
      View view = new View(List.of(), trail.actions(), action, actor, null, newest(action, actor),
          "This page link is not valid; start from the newest entries.");
      return Response.status(400).entity(Templates.index(null, view)).build();
    }
    String next = page.nextCursor() == null ? null : newest(action, actor) + "cursor=" + page.nextCursor();
    boolean first = cursor == null || cursor.isBlank();
    View view = new View(page.items(), trail.actions(), action, actor, next, first ? null : newest(action, actor), null);
    return Response.ok(Templates.index(null, view)).build();
  }

  private static String newest(String action, String actor) {
    return "/audit-log?" + query("action", action) + query("actor", actor);
  }

  private static String query(String name, String value) {
    return value == null || value.isBlank() ? "" : name + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8) + "&";
  }
}
