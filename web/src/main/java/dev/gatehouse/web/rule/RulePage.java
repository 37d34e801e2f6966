package dev.gatehouse.web.rule;

import dev.gatehouse.scanner.rule.RuleRegistry;
import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.http.NotFoundPage;
import dev.gatehouse.web.http.Urls;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** The rule catalogue and one page per rule, rendered from the same docs the repository ships. */
@Path("/rules")
public class RulePage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(String org, List<RuleView> rules);

    static native TemplateInstance rule(String org, RuleView rule, RawString doc, String findingsHref);
  }

  private final RuleDocs docs;
  private final GitHubTarget target;

  RulePage(RuleDocs docs, GitHubTarget target) {
    this.docs = docs;
    this.target = target;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance index() {
    return Templates.index(organization(), RuleRegistry.all().stream().map(RuleView::of).toList());
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.TEXT_HTML)
  public Response rule(@PathParam("id") String id) {
    String org = organization();
    Optional<String> doc = docs.html(id);
    if (doc.isEmpty()) {
      return NotFoundPage.response(org, "No rule " + id + ".");
    }
    String findings = org == null ? null
        : "/orgs/" + Urls.segment(org) + "/findings" + Urls.query().add("rule", id).add("status", "all");
    return Response.ok(Templates.rule(org, RuleView.of(RuleRegistry.info(id)), new RawString(doc.get()), findings)).build();
  }

  /** Rules belong to no organization; with exactly one configured, its navigation stays in reach. */
  private String organization() {
    List<String> orgs = target.organizations();
    return orgs.size() == 1 ? orgs.get(0) : null;
  }
}
