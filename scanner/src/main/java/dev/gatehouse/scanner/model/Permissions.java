package dev.gatehouse.scanner.model;

import java.util.Map;

/**
 * A {@code permissions:} block. {@code kind} tells the shorthand forms apart from an explicit
 * scope map; {@code EXPRESSION} is a value GitHub resolves at run time that we cannot judge.
 */
public record Permissions(Kind kind, Map<String, String> scopes, Pos pos) {

  public enum Kind { READ_ALL, WRITE_ALL, SCOPED, EXPRESSION }

  public Permissions {
    scopes = Map.copyOf(scopes);
  }

  /** The access level ("read", "write", "none") this block grants to {@code scope}. */
  public String level(String scope) {
    return switch (kind) {
      case READ_ALL -> "read";
      case WRITE_ALL -> "write";
      case EXPRESSION -> "unknown";
      case SCOPED -> scopes.getOrDefault(scope, "none");
    };
  }

  public boolean anyWrite() {
    return kind == Kind.WRITE_ALL || (kind == Kind.SCOPED && scopes.containsValue("write"));
  }
}
