package dev.gatehouse.web.scan;

import dev.gatehouse.web.github.GitHubTarget;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Resumes scans a stopped process left running, and scans the demo organization on start. */
@ApplicationScoped
class StartupScan {

  private static final Logger LOG = Logger.getLogger(StartupScan.class);

  void onStart(@Observes StartupEvent event, ScanService scans, GitHubTarget target) {
    int interrupted = scans.failInterrupted();
    if (interrupted > 0) {
      LOG.warnf("%d scan(s) were interrupted by the last shutdown and are marked failed", interrupted);
    }
    scans.resumeAvailable();
    scans.startPolling();
    if (target.demo()) {
      target.organizations().forEach(org -> scans.request(org, "startup", "gatehouse"));
    }
  }
}
