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

  /** GitHub App id; with a private key, the App authenticates instead of a token. */
  Optional<Long> appId();

  /** The GitHub App's private key, PEM (PKCS#1 as GitHub issues it, or PKCS#8). */
  Optional<String> appPrivateKey();

  /** A file holding the GitHub App's private key PEM, instead of the key itself. */
  Optional<java.nio.file.Path> appPrivateKeyFile();

  /** The App installation to use; looked up per organization when absent. */
  Optional<Long> appInstallationId();

  /** Where ETags of GitHub answers are kept, so unchanged answers come back as free 304s across restarts. */
  Optional<java.nio.file.Path> etagDir();

  /** Rate-limit points left for other users of the same credentials; the scan waits for the reset below this. */
  @WithDefault("100")
  long rateLimitReserve();

  /** Requests sent to GitHub at the same time. */
  @WithDefault("8")
  int concurrency();
}
