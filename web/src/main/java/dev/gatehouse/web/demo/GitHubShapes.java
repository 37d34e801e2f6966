package dev.gatehouse.web.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds GitHub responses from the examples GitHub publishes in its REST description
 * (bundled under {@code github-api/rest/}), changing only the fields a scenario needs, so the
 * demo server and the test mocks answer with the real shapes.
 */
public final class GitHubShapes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private GitHubShapes() {}

  /** The published example body of one endpoint, e.g. {@code get-orgs-org.json}. */
  public static JsonNode example(String file) {
    String resource = "/github-api/rest/" + file;
    try (InputStream in = GitHubShapes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no published example " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GET /orgs/{org}} for the given login. */
  public static ObjectNode organization(String apiUrl, String login, long id) {
    ObjectNode org = (ObjectNode) example("get-orgs-org.json");
    replaceStrings(org, Map.of("https://api.github.com", apiUrl, "github", login));
    org.put("login", login).put("id", id).put("name", login);
    return org;
  }

  private static void replaceStrings(JsonNode node, Map<String, String> replacements) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isTextual()) {
          field.setValue(new TextNode(replace(field.getValue().asText(), replacements)));
        } else {
          replaceStrings(field.getValue(), replacements);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, new TextNode(replace(array.get(i).asText(), replacements)));
        } else {
          replaceStrings(array.get(i), replacements);
        }
      }
    }
  }

  private static String replace(String value, Map<String, String> replacements) {
    String result = value;
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      result = result.replace(r.getKey(), r.getValue());
    }
    return result;
  }
}
