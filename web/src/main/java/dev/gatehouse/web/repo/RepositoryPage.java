package dev.gatehouse.web.repo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The repository list (search, filters, sort, pages) and one repository's page. */
@Path("/orgs/{org}/repositories")
@Produces(MediaType.TEXT_HTML)
public class RepositoryPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(String org, RepositoryQuery.Filter filter, RepositoryQuery.Page page, Links links);

    static native TemplateInstance detail(String org, RepositoryDetail.Model model);
  }

  /** Links that keep the current filter while changing one parameter. */
  public record Links(Map<String, String> params) {
    public String with(String key, Object value) {
      UriBuilder b = UriBuilder.fromPath("");
      Map<String, String> p = new LinkedHashMap<>(params);
      if (value == null || value.toString().isEmpty()) {
        p.remove(key);
      } else {
        p.put(key, value.toString());
      }
      if (!key.equals("page")) {
        p.remove("page");
      }
      p.forEach((k, v) -> b.queryParam(k, "{" + k + "}"));
      return b.buildFromMap(new LinkedHashMap<>(p)).toString();
    }
  }

  private final RepositoryQuery query;
  private final RepositoryDetail detail;

  RepositoryPage(RepositoryQuery query, RepositoryDetail detail) {
    this.query = query;
    this.detail = detail;
  }

  @GET
  public TemplateInstance list(@PathParam("org") String org, @QueryParam("q") String q, @QueryParam("visibility") String visibility,
      @QueryParam("archived") String archived, @QueryParam("severity") String severity, @QueryParam("selfHosted") String selfHosted,
      @QueryParam("privileged") String privileged, @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
    RepositoryQuery.Filter filter = new RepositoryQuery.Filter(q, visibility, bool(archived), severity, bool(selfHosted), bool(privileged),
        sort, page == null ? 1 : page);
    Map<String, String> params = new LinkedHashMap<>();
    put(params, "q", filter.q());
    put(params, "visibility", filter.visibility());
    put(params, "archived", archived);
    put(params, "severity", filter.severity());
    put(params, "selfHosted", selfHosted);
    put(params, "privileged", privileged);
    put(params, "sort", filter.sort());
    put(params, "page", page == null ? null : String.valueOf(filter.page()));
    return Templates.list(org, filter, query.find(org, filter), new Links(params));
  }

  @GET
  @Path("{name}")
  public TemplateInstance detail(@PathParam("org") String org, @PathParam("name") String name) {
    return Templates.detail(org, detail.of(org, name).orElseThrow(() -> new NotFoundException("no repository " + org + "/" + name)));
  }

  private static void put(Map<String, String> params, String key, String value) {
    if (value != null && !value.isBlank()) {
      params.put(key, value);
    }
  }

  /** "yes"/"no" from the filter form; anything else does not filter. */
  static Boolean bool(String value) {
    return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
  }
}
