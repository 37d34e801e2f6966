package dev.gatehouse.scanner.parse;

import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a composed YAML node tree with positions. Rejects duplicate keys (the composer keeps
 * them) and caps the nodes visited, so aliases cannot make one small file cost unbounded work.
 */
final class YamlTree {

  static final int MAX_VISITED_NODES = 200_000;
  static final int MAX_FLATTENED_CHARS = 64 * 1024;

  private int visited;

  static Pos pos(Node node) {
    return node.getStartMark().map(m -> new Pos(m.getLine() + 1, m.getColumn() + 1)).orElse(Pos.START);
  }

  private void count(Node node) throws ParseFailure {
    if (++visited > MAX_VISITED_NODES) {
      throw new ParseFailure("document expands to more than " + MAX_VISITED_NODES
          + " nodes (an alias bomb?)", pos(node));
    }
  }

  /** Keys to values in order; null when {@code node} is not a mapping. */
  Map<String, Node> mapping(Node node) throws ParseFailure {
    if (!(node instanceof MappingNode m)) {
      return null;
    }
    count(node);
    Map<String, Node> result = new LinkedHashMap<>();
    for (NodeTuple tuple : m.getValue()) {
      count(tuple.getKeyNode());
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new ParseFailure("mapping keys must be plain strings", pos(tuple.getKeyNode()));
      }
      if (result.putIfAbsent(key.getValue(), tuple.getValueNode()) != null) {
        throw new ParseFailure("duplicate key '" + key.getValue() + "'", pos(key));
      }
    }
    return result;
  }

  /** The key node of {@code key} in mapping {@code node}, for positions of keys rather than values. */
  Node firstKeyNode(Node node, String key) {
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return k;
        }
      }
    }
    return node;
  }

  Map<String, Node> mappingOrEmpty(Node node) throws ParseFailure {
    Map<String, Node> m = mapping(node);
    return m == null ? Map.of() : m;
  }

  List<Node> sequence(Node node) throws ParseFailure {
    if (!(node instanceof SequenceNode s)) {
      return null;
    }
    count(node);
    return s.getValue();
  }

  /** A scalar with its position; mappings and sequences are flattened to text (bounded). */
  Scalar scalar(Node node) throws ParseFailure {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      count(node);
      boolean block = s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED;
      return new Scalar(s.getValue(), pos(node), block);
    }
    StringBuilder text = new StringBuilder();
    flatten(node, text);
    return new Scalar(text.toString(), pos(node), false);
  }

  String string(Node node) throws ParseFailure {
    Scalar s = scalar(node);
    return s == null ? null : s.value();
  }

  /** A scalar or a sequence of scalars, as strings. */
  List<String> strings(Node node) throws ParseFailure {
    List<String> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    List<Node> items = sequence(node);
    if (items == null) {
      Scalar s = scalar(node);
      if (s != null && !s.value().isEmpty()) {
        result.add(s.value());
      }
      return result;
    }
    for (Node item : items) {
      Scalar s = scalar(item);
      if (s != null) {
        result.add(s.value());
      }
    }
    return result;
  }

  Map<String, Scalar> scalarMap(Node node) throws ParseFailure {
    Map<String, Scalar> result = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : mappingOrEmpty(node).entrySet()) {
      Scalar s = scalar(e.getValue());
      result.put(e.getKey(), s == null ? Scalar.of("", pos(e.getValue())) : s);
    }
    return result;
  }

  private void flatten(Node node, StringBuilder out) throws ParseFailure {
    count(node);
    if (out.length() > MAX_FLATTENED_CHARS) {
      return;
    }
    if (node instanceof ScalarNode s) {
      out.append(s.getValue());
    } else if (node instanceof SequenceNode s) {
      out.append('[');
      for (Node item : s.getValue()) {
        flatten(item, out);
        out.append(", ");
      }
      out.append(']');
    } else if (node instanceof MappingNode m) {
      out.append('{');
      for (NodeTuple t : m.getValue()) {
        flatten(t.getKeyNode(), out);
        out.append(": ");
        flatten(t.getValueNode(), out);
        out.append(", ");
      }
      out.append('}');
    }
  }
}
