package dev.gatehouse.web.finding;

import io.quarkus.panache.common.Parameters;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

  /** Findings of an organization, newest first; filters are optional. At most {@code limit} (≤ 1000). */
  @GET
  @Transactional
  public List<FindingView> list(@QueryParam("organization") String organization, @QueryParam("subject") String subject,
      @QueryParam("rule") String rule, @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("500") int limit) {
    StringBuilder q = new StringBuilder("1 = 1");
    Parameters p = new Parameters();
    if (organization != null) {
      q.append(" and organization.login = :org");
      p.and("org", organization);
    }
    if (subject != null) {
      q.append(" and subject = :subject");
      p.and("subject", subject);
    }
    if (rule != null) {
      q.append(" and ruleId = :rule");
      p.and("rule", rule);
    }
    if (status != null) {
      q.append(" and status = :status");
      p.and("status", status);
    }
    q.append(" order by lastSeenAt desc, id");
    return FindingEntity.<FindingEntity>find(q.toString(), p).page(0, Math.max(1, Math.min(1000, limit))).list()
        .stream().map(FindingView::of).toList();
  }
}
