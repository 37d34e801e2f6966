package dev.gatehouse.web.repo;

import dev.gatehouse.web.github.GitHubTarget;
import dev.gatehouse.web.scan.ScanService;
import dev.gatehouse.web.scan.ScanView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

@Path("/")
public class RepositoryPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(List<RepositoryView> repositories, List<ScanView> latestScans, boolean demo);
  }

  private final RepositoryService repositories;
  private final ScanService scans;
  private final GitHubTarget target;

  RepositoryPage(RepositoryService repositories, ScanService scans, GitHubTarget target) {
    this.repositories = repositories;
    this.scans = scans;
    this.target = target;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance index() {
    List<ScanView> latest = target.organizations().stream().map(scans::latest).flatMap(Optional::stream).toList();
    return Templates.index(repositories.list(null), latest, target.demo());
  }
}
