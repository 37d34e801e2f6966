package dev.gatehouse.web.inventory;

import dev.gatehouse.web.http.NotFoundPage;
import dev.gatehouse.web.scan.CompletedScans;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Predicate;

/** Every action in use across the organization, its refs and pinning, and what the allowlist says about it. */
@Path("/orgs/{org}/actions")
public class ActionsPage {

  /** The filters offered above the table; the first is the default. */
  public enum Show {
    ALL("all", "All", a -> true),
    BLOCKED("blocked", "Blocked", a -> a.allowlist() == AllowlistStatus.BLOCKED),
    NOT_EVALUATED("not-evaluated", "Not evaluated", a -> a.allowlist() == AllowlistStatus.NOT_EVALUATED),
    NOT_SHA_PINNED("not-sha-pinned", "Not pinned to a SHA", a -> !a.shaPinned());

    private final String id;
    private final String label;
    private final Predicate<InventoryView.ActionEntry> test;

    Show(String id, String label, Predicate<InventoryView.ActionEntry> test) {
      this.id = id;
      this.label = label;
      this.test = test;
    }

    public String id() {
      return id;
    }

    public String label() {
      return label;
    }

    static Show parse(String id) {
      for (Show s : values()) {
        if (s.id.equals(id)) {
          return s;
        }
      }
      return ALL;
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(String org, InventoryView report, List<InventoryView.ActionEntry> actions, Show show,
        List<Show> filters);
  }

  private final ActionInventoryService inventory;
  private final CompletedScans scans;

  ActionsPage(ActionInventoryService inventory, CompletedScans scans) {
    this.inventory = inventory;
    this.scans = scans;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response index(@PathParam("org") String org, @QueryParam("show") @DefaultValue("all") String show) {
    InventoryView report = inventory.of(org).orElse(null);
    if (report == null && !scans.known(org)) {
      return NotFoundPage.response(null, "No organization " + org + " is scanned here.");
    }
    Show filter = Show.parse(show);
    List<InventoryView.ActionEntry> actions = report == null ? List.of() : report.actions().stream().filter(filter.test).toList();
    return Response.ok(Templates.index(org, report, actions, filter, List.of(Show.values()))).build();
  }
}
