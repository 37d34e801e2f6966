package dev.gatehouse.web.repo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/v1/repositories")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryResource {

  private final RepositoryService repositories;

  RepositoryResource(RepositoryService repositories) {
    this.repositories = repositories;
  }

  /** Every stored repository, optionally of one organization, ordered by full name. */
  @GET
  public List<RepositoryView> list(@QueryParam("organization") String organization) {
    return repositories.list(organization);
  }
}
