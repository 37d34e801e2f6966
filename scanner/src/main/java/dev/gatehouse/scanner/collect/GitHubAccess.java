package dev.gatehouse.scanner.collect;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach GitHub. The API URL is configurable so that GitHub Enterprise
 * Server ({@code https://HOST/api/v3}) and test servers work the same way as github.com.
 */
public record GitHubAccess(URI apiUrl, Optional<String> token) {

  public static final URI GITHUB_COM = URI.create("https://api.github.com");

  public GitHubAccess {
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(token, "token");
  }

  /** Never prints the token: records end up in logs and exception messages. */
  @Override
  public String toString() {
    return "GitHubAccess[apiUrl=" + apiUrl + ", token=" + (token.isPresent() ? "***" : "none") + "]";
  }
}
