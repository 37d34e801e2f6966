package dev.gatehouse.web.repo;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class RepositoryService {

  @Transactional
  public List<RepositoryView> list(String organization) {
    Sort sort = Sort.by("organization.login").and("fullName");
    List<RepositoryEntity> found = organization == null || organization.isBlank()
        ? RepositoryEntity.find("from RepositoryEntity r join fetch r.organization where r.goneAt is null", sort).list()
        : RepositoryEntity.find("from RepositoryEntity r join fetch r.organization where r.organization.login = ?1 and r.goneAt is null", sort, organization).list();
    return found.stream().map(RepositoryView::of).toList();
  }
}
