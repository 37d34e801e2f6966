package dev.gatehouse.scanner.parse;

import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Uses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code steps:} lists, shared by workflow jobs and composite actions. */
final class StepReader {

  private final YamlTree tree;

  StepReader(YamlTree tree) {
    this.tree = tree;
  }

  List<Step> steps(Node node, String parentPath) throws ParseFailure {
    List<Step> steps = new ArrayList<>();
    List<Node> items = tree.sequence(node);
    if (items == null) {
      if (node != null) {
        throw new ParseFailure(parentPath + ".steps must be a list", YamlTree.pos(node));
      }
      return steps;
    }
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String path = parentPath + ".steps[" + i + "]";
      Map<String, Node> m = tree.mapping(item);
      if (m == null) {
        throw new ParseFailure(path + " must be a mapping", YamlTree.pos(item));
      }
      Scalar uses = tree.scalar(m.get("uses"));
      steps.add(new Step(
          i, path, YamlTree.pos(item),
          tree.string(m.get("id")),
          tree.string(m.get("name")),
          uses == null || uses.value().isBlank() ? null : Uses.parse(uses.value(), uses.pos()),
          tree.scalar(m.get("run")),
          tree.string(m.get("shell")),
          tree.scalarMap(m.get("with")),
          tree.scalarMap(m.get("env")),
          tree.scalar(m.get("if")),
          tree.string(m.get("working-directory"))));
    }
    return steps;
  }
}
