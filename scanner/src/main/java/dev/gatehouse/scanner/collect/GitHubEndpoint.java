package dev.gatehouse.scanner.collect;

import java.net.URI;

/**
 * REST and GraphQL URLs of one GitHub: {@code https://api.github.com} and its {@code /graphql},
 * or GitHub Enterprise Server's {@code https://HOST/api/v3} and {@code https://HOST/api/graphql}.
 */
public record GitHubEndpoint(String restBase, String graphqlUrl) {

  public static GitHubEndpoint of(URI apiUrl) {
    String rest = apiUrl.toString().replaceAll("/+$", "");
    String graphql = rest.endsWith("/api/v3") ? rest.substring(0, rest.length() - "/v3".length()) + "/graphql" : rest + "/graphql";
    return new GitHubEndpoint(rest, graphql);
  }

  public String rest(String path) {
    return path.startsWith("http://") || path.startsWith("https://") ? path : restBase + (path.startsWith("/") ? path : "/" + path);
  }
}
