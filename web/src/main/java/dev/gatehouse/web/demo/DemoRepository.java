package dev.gatehouse.web.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A repository of a served organization, as the demo server (or a test mock) describes it:
 * metadata plus its files (workflows, local actions) at the default branch head.
 */
public record DemoRepository(
    long id, String owner, String name, String visibility, boolean fork, boolean archived,
    String defaultBranch, String pushedAt, Map<String, String> files) {

  public DemoRepository {
    files = Map.copyOf(files);
  }

  public String fullName() {
    return owner + "/" + name;
  }

  /** A stable commit id derived from the files, so unchanged content keeps its head. */
  public String headSha() {
    return sha1(new TreeMap<>(files).toString());
  }

  static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
