package dev.gatehouse.web.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * A Slack incoming-webhook message (Block Kit) for a batch of alerts. Text from GitHub is escaped
 * for mrkdwn, so a branch named {@code <!channel>} or {@code <https://evil|docs>} reads as itself
 * instead of pinging a channel or hiding a link.
 */
final class SlackPayload {

  /** Sections before the rest is summed up; Slack takes at most 50 blocks per message. */
  static final int MAX_ALERTS = 20;
  private static final int MAX_FIELD = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackPayload() {}

  static byte[] body(String organization, List<AlertMessage> alerts) {
    String title = "Gatehouse: " + alerts.size() + " drift alert" + (alerts.size() == 1 ? "" : "s") + " in " + organization;
    ObjectNode root = JSON.createObjectNode();
    root.put("text", escape(title));
    ArrayNode blocks = root.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    // plain_text is never parsed for links or mentions; Slack caps a header at 150 characters.
    header.putObject("text").put("type", "plain_text").put("text", truncate(title, 150));
    for (AlertMessage a : alerts.subList(0, Math.min(MAX_ALERTS, alerts.size()))) {
      ObjectNode section = blocks.addObject().put("type", "section");
      section.putObject("text").put("type", "mrkdwn").put("text", section(a));
    }
    if (alerts.size() > MAX_ALERTS) {
      ObjectNode context = blocks.addObject().put("type", "context");
      context.putArray("elements").addObject().put("type", "mrkdwn")
          .put("text", "and " + (alerts.size() - MAX_ALERTS) + " more");
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("alert batch could not be written as JSON", e);
    }
  }

  private static String section(AlertMessage a) {
    StringBuilder text = new StringBuilder()
        .append('*').append(escape(a.severity()).toUpperCase(Locale.ROOT)).append("* ")
        .append(escape(a.kind())).append(" — ").append(field(a.subject()));
    if (a.message() != null && !a.message().isBlank()) {
      text.append('\n').append(field(a.message()));
    }
    if (a.before() != null || a.after() != null) {
      text.append("\nbefore: ").append(field(a.before())).append(" → after: ").append(field(a.after()));
    }
    return text.toString();
  }

  private static String field(String value) {
    return value == null ? "none" : escape(truncate(value, MAX_FIELD));
  }

  /** The three characters Slack asks senders to escape; the rest of mrkdwn cannot make a link or a mention. */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
