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
  private final String source;
  private final String digest;

  PolicyHolder(PolicyConfig config) {
    try {
      if (config.file().isPresent()) {
        String text = java.nio.file.Files.readString(config.file().get(), StandardCharsets.UTF_8);
        policy = PolicyLoader.parse(text);
        source = config.file().get().toString();
        digest = sha256(text);
      } else {
        try (InputStream in = Policy.class.getResourceAsStream("default-policy.yml")) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          policy = PolicyLoader.parse(text);
          source = "bundled default-policy.yml";
          digest = sha256(text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the policy file: " + e.getMessage(), e);
    } catch (dev.gatehouse.scanner.policy.InvalidPolicyException e) {
      throw new dev.gatehouse.scanner.policy.InvalidPolicyException(config.file().map(Object::toString).orElse("default policy") + ": " + e.getMessage());
    }
  }

  public Policy current() {
    return policy;
  }

  /** Where the policy came from (a file path, or the bundled default). */
  public String source() {
    return source;
  }

  /** SHA-256 of the policy text, to tell a changed policy from the same one. */
  public String digest() {
    return digest;
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
