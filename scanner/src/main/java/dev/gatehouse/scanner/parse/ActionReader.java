package dev.gatehouse.scanner.parse;

import dev.gatehouse.scanner.model.Action;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.Scalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads an {@code action.yml} mapping. */
final class ActionReader {

  private final YamlTree tree;
  private final String path;
  private final List<String> lines;

  ActionReader(YamlTree tree, String path, List<String> lines) {
    this.tree = tree;
    this.path = path;
    this.lines = lines;
  }

  Action read(Map<String, Node> top, Pos rootPos) throws ParseFailure {
    Map<String, Node> runs = tree.mapping(top.get("runs"));
    if (runs == null) {
      throw new ParseFailure("not an action: no 'runs' mapping", rootPos);
    }
    Map<String, Scalar> inputs = new LinkedHashMap<>();
    for (Map.Entry<String, Node> input : tree.mappingOrEmpty(top.get("inputs")).entrySet()) {
      Map<String, Node> spec = tree.mappingOrEmpty(input.getValue());
      Scalar def = tree.scalar(spec.get("default"));
      inputs.put(input.getKey(), def == null ? Scalar.of("", YamlTree.pos(input.getValue())) : def);
    }
    return new Action(path, lines, tree.string(top.get("name")), inputs,
        tree.scalar(runs.get("using")), tree.scalar(runs.get("image")),
        new StepReader(tree).steps(runs.get("steps"), "runs"));
  }
}
