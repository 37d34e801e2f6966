package dev.gatehouse.scanner.collect;

import dev.gatehouse.scanner.model.RepositoryInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/**
 * Lists an organization's repositories through {@code org.kohsuke:github-api}, following
 * {@code Link} pagination at 100 per page.
 */
public final class OrgRepositoryLister {

  private static final int PAGE_SIZE = 100;

  private final GitHub github;

  public OrgRepositoryLister(GitHubAccess access) {
    this.github = connect(access);
  }

  static GitHub connect(GitHubAccess access) {
    GitHubBuilder builder = new GitHubBuilder().withEndpoint(stripTrailingSlash(access.apiUrl().toString()));
    access.token().ifPresent(builder::withOAuthToken);
    try {
      return builder.build();
    } catch (IOException e) {
      throw new GitHubReadException("cannot set up the GitHub client for " + access.apiUrl(), -1, e);
    }
  }

  public List<RepositoryInfo> list(String org) {
    try {
      GHOrganization organization = github.getOrganization(org);
      List<RepositoryInfo> repositories = new ArrayList<>();
      for (GHRepository repo : organization.listRepositories(PAGE_SIZE)) {
        repositories.add(toInfo(repo));
      }
      return repositories;
    } catch (GHFileNotFoundException e) {
      throw new GitHubReadException("organization '" + org + "' not found or not visible to these credentials", 404, e);
    } catch (HttpException e) {
      throw new GitHubReadException("GitHub answered " + e.getResponseCode() + " while listing repositories of '" + org + "'", e.getResponseCode(), e);
    } catch (IOException e) {
      throw new GitHubReadException("cannot reach GitHub while listing repositories of '" + org + "': " + e.getMessage(), -1, e);
    }
  }

  private static RepositoryInfo toInfo(GHRepository repo) throws IOException {
    return new RepositoryInfo(
        repo.getId(),
        repo.getNodeId(),
        repo.getName(),
        repo.getFullName(),
        repo.getVisibility() == null ? (repo.isPrivate() ? "private" : "public") : repo.getVisibility().toString().toLowerCase(java.util.Locale.ROOT),
        repo.isFork(),
        repo.isArchived(),
        repo.getDefaultBranch(),
        repo.getPushedAt() == null ? null : repo.getPushedAt().toInstant(),
        repo.getHtmlUrl() == null ? null : repo.getHtmlUrl().toString(),
        null);
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
