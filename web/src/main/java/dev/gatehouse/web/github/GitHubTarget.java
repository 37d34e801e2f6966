package dev.gatehouse.web.github;

import dev.gatehouse.scanner.collect.GitHubAccess;
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

  GitHubTarget(GitHubConfig config, DemoConfig demoConfig) {
    this.config = config;
    this.demo = demoConfig.enabled() && config.token().isEmpty() && config.organizations().map(List::isEmpty).orElse(true);
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
