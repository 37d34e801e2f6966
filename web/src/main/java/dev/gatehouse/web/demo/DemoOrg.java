package dev.gatehouse.web.demo;

import java.util.List;
import java.util.Map;

/**
 * An organization the local server plays: its repositories, and the REST answers (path to JSON
 * body, in GitHub's published shapes) for its Actions settings, runners and environments. A
 * path missing from {@code rest} answers 404, as GitHub does for a token lacking the permission.
 */
public record DemoOrg(String login, long id, List<DemoRepository> repositories, Map<String, String> rest) {

  public DemoOrg {
    repositories = List.copyOf(repositories);
    rest = Map.copyOf(rest);
  }
}
