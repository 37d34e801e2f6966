package dev.gatehouse.web.finding;

import dev.gatehouse.web.api.Cursor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

  private final FindingQuery query;

  FindingResource(FindingQuery query) {
    this.query = query;
  }

  /**
   * Findings of an organization, most severe first, {@code limit} (default 100, at most 500) at a
   * time; pass {@code nextCursor} back as {@code cursor} for the next page. {@code status} is open
   * (and not suppressed), fixed, suppressed (by a comment in the repository), excepted (by a policy
   * exception) or all (the default). {@code subject} is the former name of {@code repository}.
   */
  @GET
  public Cursor.Page<FindingView> list(@QueryParam("organization") String organization,
      @QueryParam("rule") String rule, @QueryParam("severity") String severity, @QueryParam("status") String status,
      @QueryParam("repository") String repository, @QueryParam("subject") String subject,
      @QueryParam("firstSeenFrom") String firstSeenFrom, @QueryParam("firstSeenTo") String firstSeenTo,
      @QueryParam("q") String text, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    FindingFilter filter = FindingFilter.parse(organization, rule, severity, status, repository != null ? repository : subject,
        firstSeenFrom, firstSeenTo, text);
    Cursor.Page<FindingRow> page = query.search(filter, cursor, Cursor.limit(limit));
    return new Cursor.Page<>(page.items().stream().map(FindingRow::finding).toList(), page.nextCursor());
  }

  /** One finding with every change scans observed on it. */
  @GET
  @Path("/{id}")
  public FindingDetail get(@PathParam("id") long id) {
    return query.find(id).orElseThrow(() -> new NotFoundException("no finding " + id));
  }
}
