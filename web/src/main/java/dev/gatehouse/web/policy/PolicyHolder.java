package dev.gatehouse.web.policy;

import dev.gatehouse.scanner.policy.Policy;
import dev.gatehouse.scanner.policy.PolicyLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The policy in force: the configured file, or the bundled strict default. Read at start, so a
 * broken policy file stops the service with the loader's message rather than weakening scans.
 */
@ApplicationScoped
public class PolicyHolder {

  private final Policy policy;

  PolicyHolder(PolicyConfig config) {
    try {
      if (config.file().isPresent()) {
        policy = PolicyLoader.load(config.file().get());
      } else {
        try (InputStream in = Policy.class.getResourceAsStream("default-policy.yml")) {
          policy = PolicyLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the policy file: " + e.getMessage(), e);
    }
  }

  public Policy current() {
    return policy;
  }
}
