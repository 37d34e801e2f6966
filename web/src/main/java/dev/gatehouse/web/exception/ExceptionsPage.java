package dev.gatehouse.web.exception;

import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.web.auth.CurrentUser;
import dev.gatehouse.web.auth.Roles;
import dev.gatehouse.web.http.NotFoundPage;
import dev.gatehouse.web.http.UrlExtensions;
import dev.gatehouse.web.scan.CompletedScans;
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
import java.time.LocalDate;
import java.util.List;

/** Rule exceptions of an organization; admins grant and expire them here. */
@Path("/orgs/{org}/exceptions")
public class ExceptionsPage {

  /** What the redirect after a successful change announces; fixed texts, so nothing from the URL is echoed. */
  public enum Done {
    CREATED("Exception granted. It takes effect at the next scan."),
    EXPIRED("Exception expired. Its findings count again from the next scan.");

    private final String message;

    Done(String message) {
      this.message = message;
    }

    static String messageOf(String id) {
      for (Done d : values()) {
        if (d.name().equalsIgnoreCase(id)) {
          return d.message;
        }
      }
      return null;
    }
  }

  public record RuleChoice(String id, String summary) {}

  /** The page's state; {@code form} refills the grant form, {@code error} says why it was refused. */
  public record View(String org, List<ExceptionView> exceptions, List<RuleChoice> rules, ExceptionRequest form,
      String error, String notice, LocalDate today, LocalDate latestExpiry) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(String org, View view);
  }

  private final Exceptions exceptions;
  private final CompletedScans scans;
  private final CurrentUser user;

  ExceptionsPage(Exceptions exceptions, CompletedScans scans, CurrentUser user) {
    this.exceptions = exceptions;
    this.scans = scans;
    this.user = user;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response index(@PathParam("org") String org, @QueryParam("done") String done) {
    if (!scans.known(org)) {
      return NotFoundPage.response(null, "No organization " + org + " is scanned here.");
    }
    return page(200, org, ExceptionRequest.empty(org), null, Done.messageOf(done));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @RolesAllowed(Roles.ADMIN)
  public Response create(@PathParam("org") String org, @FormParam("rule") String rule, @FormParam("repository") String repository,
      @FormParam("file") String file, @FormParam("owner") String owner, @FormParam("reason") String reason,
      @FormParam("expires") String expires) {
    ExceptionRequest request = new ExceptionRequest(org, rule, repository, file, owner, reason, expires);
    try {
      exceptions.create(request, user.name());
    } catch (ExceptionRefused e) {
      return page(e.status(), org, request, e.getMessage(), null);
    }
    return Response.seeOther(URI.create(path(org) + "?done=created")).build();
  }

  @POST
  @Path("{id}/expire")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @RolesAllowed(Roles.ADMIN)
  public Response expire(@PathParam("org") String org, @PathParam("id") long id) {
    try {
      exceptions.expire(id, org, user.name());
    } catch (ExceptionRefused e) {
      return page(e.status(), org, ExceptionRequest.empty(org), e.getMessage(), null);
    }
    return Response.seeOther(URI.create(path(org) + "?done=expired")).build();
  }

  private Response page(int status, String org, ExceptionRequest form, String error, String notice) {
    List<RuleChoice> rules = RuleRegistry.all().stream().map(r -> new RuleChoice(r.id(), r.summary())).toList();
    LocalDate today = Exceptions.today();
    View view = new View(org, exceptions.list(org), rules, form, error, notice, today, today.plusYears(1));
    return Response.status(status).entity(Templates.index(org, view)).build();
  }

  private static String path(String org) {
    return "/orgs/" + UrlExtensions.urlSegment(org) + "/exceptions";
  }
}
