package dev.gatehouse.scanner.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** GitHub's published example bodies (scanner/src/main/resources/github-api/rest), for mock answers. */
final class Shapes {

  static final ObjectMapper JSON = new ObjectMapper();

  private Shapes() {}

  static JsonNode example(String file) {
    try (InputStream in = Shapes.class.getResourceAsStream("/github-api/rest/" + file)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String file) {
    return example(file).toString();
  }

  /** An example with some fields replaced. */
  static String with(String file, Object... keyValues) {
    ObjectNode node = (ObjectNode) example(file);
    for (int i = 0; i < keyValues.length; i += 2) {
      node.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
    }
    return node.toString();
  }

  static ObjectNode repoNode(int i, String org, String visibility, boolean archived, String head) {
    ObjectNode n = JSON.createObjectNode();
    n.put("databaseId", 5000 + i).put("id", "R_" + i).put("name", "repo-" + i).put("nameWithOwner", org + "/repo-" + i)
        .put("isArchived", archived).put("isFork", false).put("isEmpty", head == null).put("visibility", visibility)
        .put("pushedAt", "2026-11-01T00:00:00Z").put("url", "https://github.com/" + org + "/repo-" + i);
    if (head == null) {
      n.putNull("defaultBranchRef");
    } else {
      n.putObject("defaultBranchRef").put("name", "main").putObject("target").put("oid", head);
    }
    return n;
  }

  static String repositoriesPage(ArrayNode nodes, String endCursor) {
    ObjectNode data = JSON.createObjectNode();
    ObjectNode root = data.putObject("data");
    root.putObject("rateLimit").put("cost", 1).put("remaining", 4999).put("resetAt", "2026-11-27T13:00:00Z");
    ObjectNode repos = root.putObject("organization").putObject("repositories");
    repos.putObject("pageInfo").put("hasNextPage", endCursor != null).put("endCursor", endCursor);
    repos.set("nodes", nodes);
    return data.toString();
  }
}
