package dev.gatehouse.web.github;

import dev.gatehouse.scanner.collect.AppPrivateKey;
import dev.gatehouse.scanner.collect.AppTokenSource;
import dev.gatehouse.scanner.collect.EtagStore;
import dev.gatehouse.scanner.collect.FileEtagStore;
import dev.gatehouse.scanner.collect.GitHubAccess;
import dev.gatehouse.scanner.collect.GitHubClient;
import dev.gatehouse.scanner.collect.GitHubEndpoint;
import dev.gatehouse.scanner.collect.MemoryEtagStore;
import dev.gatehouse.scanner.collect.RateBudget;
import dev.gatehouse.scanner.collect.Sleeper;
import dev.gatehouse.scanner.collect.TokenSource;
import dev.gatehouse.web.demo.DemoConfig;
import dev.gatehouse.web.demo.DemoGitHubServer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The GitHub the service talks to: the configured one, or — with no credentials and no
 * organizations configured — a local demo server answering with GitHub's published shapes,
 * reached through exactly the same client path.
 */
@ApplicationScoped
public class GitHubTarget {

  private static final Logger LOG = Logger.getLogger(GitHubTarget.class);

  private final GitHubConfig config;
  private final boolean demo;
  private DemoGitHubServer demoServer;
  private GitHubClient client;

  GitHubTarget(GitHubConfig config, DemoConfig demoConfig) {
    this.config = config;
    this.demo = demoConfig.enabled() && config.token().isEmpty() && config.appId().isEmpty()
        && config.organizations().map(List::isEmpty).orElse(true);
  }

  public boolean demo() {
    return demo;
  }

  public synchronized GitHubAccess access() {
    if (!demo) {
      return new GitHubAccess(config.apiUrl(), config.token());
    }
    if (demoServer == null) {
      demoServer = DemoGitHubServer.start();
      LOG.infof("No GitHub credentials configured: serving the demo organization '%s' at %s",
          DemoGitHubServer.ORG, demoServer.apiUrl());
    }
    return new GitHubAccess(demoServer.apiUrl(), Optional.empty());
  }

  /**
   * The process-wide GitHub client: one rate budget, one ETag store and one credential source
   * for every scan, so limits are shared as GitHub counts them.
   */
  public synchronized GitHubClient client() {
    if (client == null) {
      GitHubAccess access = access();
      TokenSource tokens = tokens(access);
      EtagStore etags = new MemoryEtagStore();
      if (config.etagDir().isPresent() && !demo) {
        try {
          etags = new FileEtagStore(config.etagDir().get());
        } catch (java.io.IOException e) {
          LOG.warnf("Cannot use %s for ETags (%s); answers are cached in memory only", config.etagDir().get(), e.getMessage());
        }
      }
      client = GitHubClient.builder(access.apiUrl(), tokens)
          .budget(new RateBudget(config.rateLimitReserve(), java.time.Clock.systemUTC(), Sleeper.REAL))
          .etags(etags).concurrency(config.concurrency()).build();
    }
    return client;
  }

  public int concurrency() {
    return config.concurrency();
  }

  private TokenSource tokens(GitHubAccess access) {
    if (!demo && config.appId().isPresent()) {
      String pem = config.appPrivateKey().orElseGet(() -> config.appPrivateKeyFile().map(GitHubTarget::read)
          .orElseThrow(() -> new IllegalStateException("gatehouse.github.app-id is set but neither app-private-key nor app-private-key-file")));
      return new AppTokenSource(config.appId().get(), AppPrivateKey.parse(pem), GitHubEndpoint.of(access.apiUrl()),
          java.time.Clock.systemUTC(), config.appInstallationId());
    }
    return TokenSource.fixed(access.token().orElse(null));
  }

  private static String read(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the GitHub App private key file " + file, e);
    }
  }

  public List<String> organizations() {
    return demo ? List.of(DemoGitHubServer.ORG) : config.organizations().orElse(List.of());
  }

  @PreDestroy
  synchronized void stop() {
    if (demoServer != null) {
      demoServer.close();
    }
  }
}
