package dev.gatehouse.scanner.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed {@code uses:} value: {@code owner/repo[/path]@ref}, {@code ./local/path}, or
 * {@code docker://image}. Owner and repo are kept as written; {@link #slug()} is lowercase for
 * matching, since GitHub treats them case-insensitively; {@code target} is {@code slug[/path]}
 * lowercased (the path itself for local and docker references).
 */
public record Uses(String raw, Pos pos, PinKind pin, String owner, String repo, String path, String ref, String slug, String target) {

  private static final Pattern FULL_SHA = Pattern.compile("^[0-9a-fA-F]{40}$");
  private static final Pattern VERSION = Pattern.compile("^v?\\d+(\\.\\d+)*([.+-][0-9A-Za-z.+-]*)?$");

  public static Uses parse(String raw, Pos pos) {
    String value = raw.trim();
    // "$/path" names this repository at the running commit, like "./path" (GitHub, 2026-07).
    if (value.startsWith("./") || value.startsWith(".\\") || value.equals(".") || value.startsWith("$/")) {
      return new Uses(raw, pos, PinKind.LOCAL, null, null, value, null, null, value);
    }
    if (value.startsWith("docker://")) {
      String image = value.substring("docker://".length());
      PinKind kind = image.contains("@sha256:") ? PinKind.DOCKER_DIGEST : PinKind.DOCKER_TAG;
      return new Uses(raw, pos, kind, null, null, image, null, null, image);
    }
    int at = value.lastIndexOf('@');
    String target = at < 0 ? value : value.substring(0, at);
    String ref = at < 0 ? null : value.substring(at + 1);
    String[] parts = target.split("/", 3);
    String owner = parts.length > 0 ? parts[0] : "";
    String repo = parts.length > 1 ? parts[1] : "";
    String path = parts.length > 2 ? parts[2] : null;
    String slug = (owner + "/" + repo).toLowerCase(Locale.ROOT);
    return new Uses(raw, pos, pinOf(ref), owner, repo, path, ref, slug,
        path == null ? slug : slug + "/" + path.toLowerCase(Locale.ROOT));
  }

  static PinKind pinOf(String ref) {
    if (ref == null || ref.isBlank()) {
      return PinKind.NONE;
    }
    if (FULL_SHA.matcher(ref).matches()) {
      return PinKind.FULL_SHA;
    }
    return VERSION.matcher(ref).matches() ? PinKind.TAG : PinKind.BRANCH;
  }

  public boolean local() {
    return pin == PinKind.LOCAL;
  }

  public boolean docker() {
    return pin == PinKind.DOCKER_DIGEST || pin == PinKind.DOCKER_TAG;
  }

  /** Remote action or reusable workflow hosted in a repository. */
  public boolean remote() {
    return !local() && !docker();
  }

  /** True when this names {@code slug} (e.g. {@code actions/checkout}), ignoring case and ref. */
  public boolean is(String slug) {
    return remote() && path == null && slug().equals(slug);
  }

  /** Reusable workflow: a path to a .yml/.yaml file under .github/workflows. */
  public boolean reusableWorkflow() {
    String p = remote() ? path : (local() ? path : null);
    return p != null && (p.endsWith(".yml") || p.endsWith(".yaml")) && p.contains(".github/workflows/");
  }
}
