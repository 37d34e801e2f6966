package dev.gatehouse.scanner.collect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.scanner.model.WorkflowBlob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the batched GraphQL queries that read blobs of many repositories in one request: the
 * {@code .github/workflows} tree at the scanned commit, or named files (local actions). Each
 * repository is an aliased {@code repository(...)} field, each path an aliased {@code object}.
 */
final class ContentsQuery {

  static final String BLOB = "... on Blob { oid byteSize isBinary isTruncated text }";

  /** One repository's part of a batch: its name, commit and the paths to read (null = the workflows tree). */
  record Part(String name, String commit, List<String> paths) {}

  private final StringBuilder query = new StringBuilder();
  private final Map<String, Object> variables = new LinkedHashMap<>();

  ContentsQuery(String owner, List<Part> parts) {
    StringBuilder params = new StringBuilder("$owner: String!");
    StringBuilder body = new StringBuilder();
    variables.put("owner", owner);
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      params.append(", $n").append(i).append(": String!");
      variables.put("n" + i, part.name());
      body.append("  r").append(i).append(": repository(owner: $owner, name: $n").append(i).append(") {\n");
      if (part.paths() == null) {
        params.append(", $e").append(i).append(": String!");
        variables.put("e" + i, part.commit() + ":.github/workflows");
        body.append("    tree: object(expression: $e").append(i).append(") { ... on Tree { entries { name path type oid object { ")
            .append(BLOB).append(" } } } }\n");
      } else {
        for (int j = 0; j < part.paths().size(); j++) {
          String var = "e" + i + "_" + j;
          params.append(", $").append(var).append(": String!");
          variables.put(var, part.commit() + ":" + part.paths().get(j));
          body.append("    f").append(j).append(": object(expression: $").append(var).append(") { ").append(BLOB).append(" }\n");
        }
      }
      body.append("  }\n");
    }
    query.append("query Contents(").append(params).append(") {\n  rateLimit { cost remaining resetAt }\n").append(body).append("}\n");
  }

  String query() {
    return query.toString();
  }

  Map<String, Object> variables() {
    return variables;
  }

  /** Workflow files of part {@code i}: top-level .yml/.yaml blobs of the tree (GitHub loads no others). */
  static List<WorkflowBlob> workflows(JsonNode repo) {
    List<WorkflowBlob> files = new ArrayList<>();
    for (JsonNode entry : repo.path("tree").path("entries")) {
      String name = entry.path("name").asText();
      if (entry.path("type").asText().equals("blob") && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
        files.add(blob(entry.path("path").asText(), entry.path("oid").asText(), entry.path("object")));
      }
    }
    return files;
  }

  /** Named files of a part, in the order asked; missing files are left out. */
  static List<WorkflowBlob> files(JsonNode repo, List<String> paths) {
    List<WorkflowBlob> files = new ArrayList<>();
    for (int j = 0; j < paths.size(); j++) {
      JsonNode object = repo.path("f" + j);
      if (!object.isNull() && !object.isMissingNode() && object.has("byteSize")) {
        files.add(blob(paths.get(j), object.path("oid").asText(), object));
      }
    }
    return files;
  }

  private static WorkflowBlob blob(String path, String oid, JsonNode object) {
    if (object.path("isBinary").asBoolean(false)) {
      return new WorkflowBlob(path, oid, null, WorkflowBlob.BINARY);
    }
    if (object.path("isTruncated").asBoolean(false) || object.path("text").isNull() || object.path("text").isMissingNode()) {
      return new WorkflowBlob(path, oid, null, "truncated");
    }
    return new WorkflowBlob(path, oid, object.path("text").asText(), null);
  }
}
