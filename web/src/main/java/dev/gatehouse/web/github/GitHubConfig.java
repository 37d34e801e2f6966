package dev.gatehouse.web.github;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** How the service reaches GitHub. */
@ConfigMapping(prefix = "gatehouse.github")
public interface GitHubConfig {

  /** REST API base URL: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
  @WithDefault("https://api.github.com")
  URI apiUrl();

  /** A token with read access to the organizations (fine-grained PAT or classic with read:org, repo). */
  Optional<String> token();

  /** Organizations to scan (logins). With neither a token nor organizations, the demo organization is served. */
  Optional<List<String>> organizations();
}
