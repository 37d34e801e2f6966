package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable finding identity (../design.md, "Finding identity"). */
public final class Fingerprints {

  private Fingerprints() {}

  /** 32 hex characters of SHA-256 over the parts, separated so that no two splits collide. */
  public static String of(String ruleId, String repository, String file, String structuralKey, String evidence) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {ruleId, repository, file, structuralKey, evidence}) {
        byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A step's identity within its job that does not depend on its index or line: its id, else
   * its action (without ref, so a version bump keeps the identity), else its name, else its
   * first command line.
   */
  public static String stepKey(Step step) {
    if (step.id() != null && !step.id().isBlank()) {
      return "id=" + step.id();
    }
    if (step.uses() != null) {
      return "uses=" + step.uses().target();
    }
    if (step.name() != null && !step.name().isBlank()) {
      return "name=" + step.name().strip();
    }
    if (step.run() != null) {
      return "run=" + step.run().value().strip().lines().findFirst().orElse("").strip();
    }
    return "step";
  }
}
