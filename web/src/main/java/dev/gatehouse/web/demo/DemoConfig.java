package dev.gatehouse.web.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo organization served when no GitHub credentials are configured. */
@ConfigMapping(prefix = "gatehouse.demo")
public interface DemoConfig {

  /** Serve and scan the demo organization when neither a GitHub token nor organizations are configured. */
  @WithDefault("true")
  boolean enabled();
}
