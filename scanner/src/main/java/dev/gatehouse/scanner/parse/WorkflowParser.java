package dev.gatehouse.scanner.parse;

import dev.gatehouse.scanner.model.AuditedFile;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.SourceFile;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns workflow and action files into the model. Never throws for bad input: oversized,
 * binary, non-UTF-8, deeply nested, alias-heavy, multi-document, empty or structurally wrong
 * files come back as {@link ParseResult.Failed} with a message a person can act on.
 */
public final class WorkflowParser {

  public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
  static final int MAX_FLOW_DEPTH = 64;
  static final int MAX_ALIASES = 100;

  private final int maxBytes;

  public WorkflowParser() {
    this(DEFAULT_MAX_BYTES);
  }

  public WorkflowParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  public ParseResult parse(SourceFile source) {
    try {
      return new ParseResult.Parsed(parseOrFail(source));
    } catch (ParseFailure e) {
      return new ParseResult.Failed(source.path(), e.getMessage(), e.pos());
    } catch (StackOverflowError e) {
      return new ParseResult.Failed(source.path(), "nesting is too deep to read", Pos.START);
    }
  }

  private AuditedFile parseOrFail(SourceFile source) throws ParseFailure {
    byte[] bytes = source.content();
    if (bytes.length > maxBytes) {
      throw new ParseFailure("file is " + bytes.length + " bytes, over the " + maxBytes + "-byte limit", null);
    }
    String text = decode(bytes);
    if (text.isBlank()) {
      throw new ParseFailure("file is empty", null);
    }
    checkFlowDepth(bytes);
    Node root = compose(text);
    List<String> lines = lines(text);
    YamlTree tree = new YamlTree();
    Map<String, Node> top = tree.mapping(root);
    if (top == null) {
      throw new ParseFailure("top level must be a mapping, not a " + root.getNodeType().name().toLowerCase(), YamlTree.pos(root));
    }
    return source.actionMetadata()
        ? new ActionReader(tree, source.path(), lines).read(top, YamlTree.pos(root))
        : new WorkflowReader(tree, source.path(), lines).read(top, YamlTree.pos(root));
  }

  static List<String> lines(String text) {
    return new SourceLines(text);
  }

  private static String decode(byte[] bytes) throws ParseFailure {
    // Fast path: the JDK's decoder is much quicker; only a replacement character in its result
    // (a malformed sequence, or a genuine U+FFFD) needs the strict decoder's verdict.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return checkNul(fast);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      text = chars.toString();
    } catch (CharacterCodingException e) {
      throw new ParseFailure("file is not valid UTF-8 (a binary file?)", null);
    }
    return checkNul(text);
  }

  private static String checkNul(String text) throws ParseFailure {
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new ParseFailure("file contains NUL bytes (a binary file?)", lineOf(text, nul));
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Flow collections ({@code [[[[...}) nest without indentation, so a small file can nest
   * thousands deep; reject that before the recursive composer sees it.
   */
  private static void checkFlowDepth(byte[] text) throws ParseFailure {
    int depth = 0;
    byte quote = 0;
    boolean comment = false;
    for (int i = 0; i < text.length; i++) {
      byte c = text[i];
      if (c == '\n') {
        comment = false;
      } else if (comment) {
        continue;
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '[' || c == '{') {
        if (++depth > MAX_FLOW_DEPTH) {
          throw new ParseFailure("flow collections nest deeper than " + MAX_FLOW_DEPTH + " levels", null);
        }
      } else if (c == ']' || c == '}') {
        depth = depth > 0 ? depth - 1 : 0;
      } else if (c == '#') {
        comment = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n';
      } else if ((c == '"' || c == '\'') && depth > 0) {
        quote = c;
      }
    }
  }

  private Node compose(String text) throws ParseFailure {
    LoadSettings settings = LoadSettings.builder()
        .setUseMarks(true)
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setCodePointLimit(maxBytes)
        .setLabel("workflow")
        .setBufferSize(16 * 1024)
        .build();
    try {
      Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
      if (!documents.hasNext()) {
        throw new ParseFailure("file holds no YAML document", null);
      }
      Node first = documents.next();
      if (documents.hasNext()) {
        Node second = documents.next();
        throw new ParseFailure("file holds more than one YAML document; GitHub reads only single-document workflows",
            YamlTree.pos(second));
      }
      if (first == null) {
        throw new ParseFailure("file holds no YAML document", null);
      }
      return first;
    } catch (MarkedYamlEngineException e) {
      Pos pos = e.getProblemMark().or(e::getContextMark)
          .map(m -> new Pos(m.getLine() + 1, m.getColumn() + 1)).orElse(Pos.START);
      throw new ParseFailure("invalid YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()), pos);
    } catch (YamlEngineException e) {
      throw new ParseFailure("invalid YAML: " + firstLine(e.getMessage()), null);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static Pos lineOf(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Pos(line, offset - lineStart + 1);
  }

}
