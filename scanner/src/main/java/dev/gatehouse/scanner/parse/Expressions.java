package dev.gatehouse.scanner.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds {@code ${{ }}} expressions in text and the context paths each one reads, enough to tell
 * whether attacker-controlled data or secrets flow somewhere. Index access is normalised:
 * {@code github.event['issue'].title} reads {@code github.event.issue.title}, and a computed
 * index ({@code secrets[format(...)]}) becomes {@code *}.
 */
public final class Expressions {

  private Expressions() {}

  /** One {@code ${{ body }}} occurrence; offsets are into the text it was found in. */
  public record Expression(String body, int start, int end) {
    public List<String> contexts() {
      return Expressions.contexts(body);
    }
  }

  public static List<Expression> find(String text) {
    List<Expression> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    int from = 0;
    while (true) {
      int open = text.indexOf("${{", from);
      if (open < 0) {
        return found;
      }
      int close = closing(text, open + 3);
      if (close < 0) {
        return found;
      }
      found.add(new Expression(text.substring(open + 3, close).trim(), open, close + 2));
      from = close + 2;
    }
  }

  private static int closing(String text, int from) {
    boolean quoted = false;
    for (int i = from; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '}' && text.charAt(i + 1) == '}') {
        return i;
      }
    }
    return -1;
  }

  /** Context paths read by an expression body, lowercased, in order of appearance. */
  public static List<String> contexts(String body) {
    List<String> paths = new ArrayList<>();
    int i = 0;
    int n = body.length();
    while (i < n) {
      char c = body.charAt(i);
      if (c == '\'') {
        int end = body.indexOf('\'', i + 1);
        while (end >= 0 && end + 1 < n && body.charAt(end + 1) == '\'') {
          end = body.indexOf('\'', end + 2);
        }
        i = end < 0 ? n : end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        StringBuilder path = new StringBuilder();
        i = identifier(body, i, path);
        if (i < n && body.charAt(i) == '(') {
          continue; // a function name; its arguments are read on the next iterations
        }
        if (start > 0 && (body.charAt(start - 1) == '.' || Character.isDigit(body.charAt(start - 1)))) {
          continue;
        }
        while (i < n) {
          char d = body.charAt(i);
          if (d == '.' && i + 1 < n && body.charAt(i + 1) == '*') {
            path.append(".*");
            i += 2;
          } else if (d == '.' && i + 1 < n && (Character.isLetter(body.charAt(i + 1)) || body.charAt(i + 1) == '_')) {
            path.append('.');
            i = identifier(body, i + 1, path);
          } else if (d == '[') {
            int close = matchingBracket(body, i);
            String index = body.substring(i + 1, close < 0 ? n : close).trim();
            if (index.length() >= 2 && index.startsWith("'") && index.endsWith("'") && index.indexOf('\'', 1) == index.length() - 1) {
              path.append('.').append(index, 1, index.length() - 1);
            } else {
              path.append(".*");
              paths.addAll(contexts(index));
            }
            i = close < 0 ? n : close + 1;
          } else {
            break;
          }
        }
        String p = path.toString().toLowerCase(Locale.ROOT);
        if (!p.equals("true") && !p.equals("false") && !p.equals("null")) {
          paths.add(p);
        }
      } else {
        i++;
      }
    }
    return paths;
  }

  private static int identifier(String body, int i, StringBuilder out) {
    int n = body.length();
    while (i < n) {
      char c = body.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
        out.append(c);
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static int matchingBracket(String body, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        depth++;
      } else if (!quoted && c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
