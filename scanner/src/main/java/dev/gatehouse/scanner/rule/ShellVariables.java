package dev.gatehouse.scanner.rule;

import java.util.regex.Pattern;

/** Shell variable references in {@code run:} scripts: {@code $NAME} and {@code ${NAME}}. */
public final class ShellVariables {

  public static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private ShellVariables() {}
}
