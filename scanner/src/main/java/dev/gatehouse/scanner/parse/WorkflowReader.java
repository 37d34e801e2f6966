package dev.gatehouse.scanner.parse;

import dev.gatehouse.scanner.model.Container;
import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Permissions;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.RunsOn;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Trigger;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.model.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a workflow mapping into {@link Workflow}. */
final class WorkflowReader {

  private static final Pattern MATRIX_REF = Pattern.compile("matrix\\.([A-Za-z0-9_-]+)");

  private final YamlTree tree;
  private final String path;
  private final List<String> lines;
  private final StepReader steps;

  WorkflowReader(YamlTree tree, String path, List<String> lines) {
    this.tree = tree;
    this.path = path;
    this.lines = lines;
    this.steps = new StepReader(tree);
  }

  Workflow read(Map<String, Node> top, Pos rootPos) throws ParseFailure {
    Node on = top.get("on");
    if (on == null) {
      throw new ParseFailure("not a workflow: no 'on' trigger", rootPos);
    }
    Map<String, Node> jobs = tree.mapping(top.get("jobs"));
    if (jobs == null) {
      throw new ParseFailure("not a workflow: 'jobs' must be a mapping", top.get("jobs") == null ? rootPos : YamlTree.pos(top.get("jobs")));
    }
    List<Job> parsedJobs = new ArrayList<>();
    for (Map.Entry<String, Node> job : jobs.entrySet()) {
      parsedJobs.add(job(job.getKey(), job.getValue()));
    }
    return new Workflow(path, lines, tree.string(top.get("name")), YamlTree.pos(on), triggers(on),
        permissions(top.get("permissions")), tree.scalarMap(top.get("env")), concurrency(top.get("concurrency")), parsedJobs);
  }

  private List<Trigger> triggers(Node on) throws ParseFailure {
    List<Trigger> triggers = new ArrayList<>();
    Map<String, Node> events = tree.mapping(on);
    if (events == null) {
      List<Node> list = tree.sequence(on);
      for (Node event : list == null ? List.of(on) : list) {
        Scalar s = tree.scalar(event);
        if (s != null && !s.value().isBlank()) {
          triggers.add(new Trigger(s.value(), s.pos(), List.of(), Map.of()));
        }
      }
      return triggers;
    }
    for (Map.Entry<String, Node> event : events.entrySet()) {
      Map<String, Node> spec = tree.mappingOrEmpty(event.getValue());
      Map<String, List<String>> filters = new LinkedHashMap<>();
      for (Map.Entry<String, Node> f : spec.entrySet()) {
        if (!f.getKey().equals("types") && tree.mapping(f.getValue()) == null) {
          filters.put(f.getKey(), tree.strings(f.getValue()));
        }
      }
      triggers.add(new Trigger(event.getKey(), tree.scalar(tree.firstKeyNode(on, event.getKey())).pos(),
          tree.strings(spec.get("types")), filters));
    }
    return triggers;
  }

  private Permissions permissions(Node node) throws ParseFailure {
    if (node == null) {
      return null;
    }
    Map<String, Node> scopes = tree.mapping(node);
    if (scopes == null) {
      String value = tree.string(node).trim();
      Permissions.Kind kind = switch (value) {
        case "read-all" -> Permissions.Kind.READ_ALL;
        case "write-all" -> Permissions.Kind.WRITE_ALL;
        default -> value.isEmpty() ? Permissions.Kind.SCOPED : Permissions.Kind.EXPRESSION;
      };
      return new Permissions(kind, Map.of(), YamlTree.pos(node));
    }
    Map<String, String> levels = new LinkedHashMap<>();
    for (Map.Entry<String, Node> scope : scopes.entrySet()) {
      levels.put(scope.getKey(), tree.string(scope.getValue()).trim());
    }
    return new Permissions(Permissions.Kind.SCOPED, levels, YamlTree.pos(node));
  }

  private Scalar concurrency(Node node) throws ParseFailure {
    Map<String, Node> m = tree.mapping(node);
    return m == null ? tree.scalar(node) : tree.scalar(m.get("group"));
  }

  private Job job(String id, Node node) throws ParseFailure {
    String jobPath = "jobs." + id;
    Map<String, Node> m = tree.mapping(node);
    if (m == null) {
      throw new ParseFailure(jobPath + " must be a mapping", YamlTree.pos(node));
    }
    Map<String, List<String>> matrix = matrix(m.get("strategy"));
    Scalar usesScalar = tree.scalar(m.get("uses"));
    Node secrets = m.get("secrets");
    boolean inherit = secrets != null && tree.mapping(secrets) == null && "inherit".equals(tree.string(secrets).trim());
    Node envNode = m.get("environment");
    Map<String, Node> envMapping = tree.mapping(envNode);
    Scalar environment = envMapping == null ? tree.scalar(envNode) : tree.scalar(envMapping.get("name"));
    List<Container> services = new ArrayList<>();
    for (Map.Entry<String, Node> service : tree.mappingOrEmpty(m.get("services")).entrySet()) {
      Container c = container(service.getKey(), service.getValue(), jobPath + ".services." + service.getKey());
      if (c != null) {
        services.add(c);
      }
    }
    return new Job(id, jobPath, YamlTree.pos(node), tree.string(m.get("name")),
        permissions(m.get("permissions")), runsOn(m.get("runs-on"), matrix),
        tree.strings(m.get("needs")), tree.scalar(m.get("if")), environment,
        container("container", m.get("container"), jobPath + ".container"), services,
        tree.scalarMap(m.get("env")), steps.steps(m.get("steps"), jobPath),
        usesScalar == null || usesScalar.value().isBlank() ? null : Uses.parse(usesScalar.value(), usesScalar.pos()),
        tree.scalarMap(m.get("with")), inherit, inherit ? Map.of() : tree.scalarMap(secrets),
        tree.scalarMap(m.get("outputs")), matrix);
  }

  private Map<String, List<String>> matrix(Node strategy) throws ParseFailure {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, Node> matrix = tree.mapping(tree.mappingOrEmpty(strategy).get("matrix"));
    if (matrix == null) {
      return values;
    }
    for (Map.Entry<String, Node> dim : matrix.entrySet()) {
      if (dim.getKey().equals("include") || dim.getKey().equals("exclude")) {
        continue;
      }
      values.computeIfAbsent(dim.getKey(), k -> new ArrayList<>()).addAll(leafStrings(dim.getValue()));
    }
    List<Node> include = tree.sequence(matrix.get("include"));
    if (include != null) {
      for (Node entry : include) {
        for (Map.Entry<String, Node> dim : tree.mappingOrEmpty(entry).entrySet()) {
          values.computeIfAbsent(dim.getKey(), k -> new ArrayList<>()).addAll(leafStrings(dim.getValue()));
        }
      }
    }
    return values;
  }

  /** Scalars of a matrix value: a list of scalars, or of mappings/lists holding them (e.g. runner specs). */
  private List<String> leafStrings(Node node) throws ParseFailure {
    List<String> result = new ArrayList<>();
    List<Node> items = tree.sequence(node);
    if (items == null) {
      Map<String, Node> m = tree.mapping(node);
      if (m == null) {
        result.add(tree.string(node));
      } else {
        for (Node v : m.values()) {
          result.addAll(leafStrings(v));
        }
      }
      return result;
    }
    for (Node item : items) {
      result.addAll(leafStrings(item));
    }
    return result;
  }

  private RunsOn runsOn(Node node, Map<String, List<String>> matrix) throws ParseFailure {
    if (node == null) {
      return null;
    }
    Map<String, Node> m = tree.mapping(node);
    List<String> labels = m == null ? tree.strings(node) : tree.strings(m.get("labels"));
    String group = m == null ? null : tree.string(m.get("group"));
    boolean dynamic = labels.stream().anyMatch(l -> l.contains("${{")) || (group != null && group.contains("${{"));
    Set<String> candidates = new LinkedHashSet<>();
    if (dynamic) {
      for (String label : labels) {
        Matcher ref = MATRIX_REF.matcher(label);
        while (ref.find()) {
          candidates.addAll(matrix.getOrDefault(ref.group(1), List.of()));
        }
      }
    }
    return new RunsOn(labels, group, dynamic, List.copyOf(candidates), YamlTree.pos(node));
  }

  private Container container(String name, Node node, String containerPath) throws ParseFailure {
    if (node == null) {
      return null;
    }
    Map<String, Node> m = tree.mapping(node);
    if (m == null) {
      return new Container(name, tree.scalar(node), null, null, YamlTree.pos(node), containerPath);
    }
    Map<String, Node> credentials = tree.mappingOrEmpty(m.get("credentials"));
    return new Container(name, tree.scalar(m.get("image")), tree.scalar(credentials.get("username")),
        tree.scalar(credentials.get("password")), YamlTree.pos(node), containerPath);
  }
}
