package dev.gatehouse.web.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long raw scan data is kept. Scan statistics, findings history, alerts and the audit log are kept. */
@ConfigMapping(prefix = "gatehouse.retention")
public interface RetentionConfig {

  /** Days organization and repository snapshots are kept; the latest completed scan's are always kept. */
  @WithDefault("90")
  int snapshotDays();

  /** When the nightly pruning runs (Quartz-style cron, UTC). */
  @WithDefault("0 30 3 * * ?")
  String cron();
}
