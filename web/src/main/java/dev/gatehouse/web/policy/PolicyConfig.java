package dev.gatehouse.web.policy;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Which policy scans are judged against. */
@ConfigMapping(prefix = "gatehouse.policy")
public interface PolicyConfig {

  /** The policy file (docs/policy.md); without it, the strict default policy applies. */
  Optional<Path> file();
}
