package dev.gatehouse.scanner.rule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data a {@code run:} script writes to the runner's environment files ({@code $GITHUB_ENV},
 * {@code $GITHUB_PATH}, {@code $GITHUB_OUTPUT}): single redirected lines, {@code { } >> file}
 * groups and heredocs, in bash, PowerShell and cmd spelling. Line-based, not a shell parser: it
 * finds the common forms, and a write it cannot see is not reported.
 */
public final class EnvFileWrites {

  /**
   * One line of data written to {@code file} ({@code GITHUB_ENV}, ...); {@code offset} is where
   * the line starts in the script; {@code expands} is false inside a quoted heredoc, where the
   * shell does not expand variables (GitHub still substitutes {@code ${{ }}}).
   */
  public record Written(String file, String text, int offset, boolean expands) {}

  private static final String FILES = "(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\\b";
  private static final Pattern REDIRECT = Pattern.compile(
      "(?:>>?|\\btee\\b[^|;&]*?)\\s*[\"']?(?:\\$\\{?|\\$env:|%)" + FILES, Pattern.CASE_INSENSITIVE);
  private static final Pattern PWSH_WRITE = Pattern.compile(
      "\\b(?:out-file|add-content|set-content|tee-object)\\b[^|;]*?\\$env:" + FILES, Pattern.CASE_INSENSITIVE);
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

  private EnvFileWrites() {}

  public static List<Written> in(String script) {
    List<Written> found = new ArrayList<>();
    // Cheap literal test first: this runs on every script of every file.
    if (!script.contains("GITHUB_") && !script.toUpperCase(java.util.Locale.ROOT).contains("GITHUB_")) {
      return found;
    }
    String[] lines = script.split("\n", -1);
    int[] starts = new int[lines.length + 1];
    for (int i = 0; i < lines.length; i++) {
      starts[i + 1] = starts[i] + lines[i].length() + 1;
    }
    Deque<Integer> groups = new ArrayDeque<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      String file = target(line);
      Matcher heredoc = HEREDOC.matcher(line);
      if (heredoc.find() && !quotedAt(line, heredoc.start())) {
        int end = i + 1;
        while (end < lines.length && !lines[end].strip().equals(heredoc.group(2))) {
          end++;
        }
        for (int j = i + 1; file != null && j < end; j++) {
          found.add(new Written(file, lines[j], starts[j], heredoc.group(1).isEmpty()));
        }
        i = end;
      } else if (trimmed.equals("{") || trimmed.equals("(")) {
        groups.push(i);
      } else if ((trimmed.startsWith("}") || trimmed.startsWith(")")) && !groups.isEmpty()) {
        int open = groups.pop();
        for (int j = open + 1; file != null && j < i; j++) {
          found.add(new Written(file, lines[j], starts[j], true));
        }
      } else if (file != null) {
        found.add(new Written(file, line, starts[i], true));
      }
    }
    return found;
  }

  /** The environment file {@code line} redirects or appends to, or null. */
  private static String target(String line) {
    Matcher m = REDIRECT.matcher(line);
    if (m.find() && !quotedAt(line, m.start())) {
      return m.group(1).toUpperCase(java.util.Locale.ROOT);
    }
    m = PWSH_WRITE.matcher(line);
    return m.find() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : null;
  }

  /** Whether {@code index} lies inside a single- or double-quoted string of the line. */
  private static boolean quotedAt(String line, int index) {
    char quote = 0;
    for (int i = 0; i < index && i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote && (quote == '\'' || line.charAt(i - 1) != '\\')) {
        quote = 0;
      }
    }
    return quote != 0;
  }
}
