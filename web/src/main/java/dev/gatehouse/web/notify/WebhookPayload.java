package dev.gatehouse.web.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The generic webhook's JSON body and its signature. The signature covers the exact bytes sent, as
 * GitHub's {@code X-Hub-Signature-256} does, so a receiver verifies before it parses.
 */
final class WebhookPayload {

  static final String SIGNATURE_HEADER = "X-Gatehouse-Signature-256";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayload() {}

  static byte[] body(String organization, List<AlertMessage> alerts) {
    ObjectNode root = JSON.createObjectNode();
    root.put("organization", organization);
    root.put("scanId", alerts.get(0).scanId());
    ArrayNode list = root.putArray("alerts");
    for (AlertMessage a : alerts) {
      ObjectNode n = list.addObject();
      n.put("kind", a.kind());
      n.put("severity", a.severity());
      n.put("subject", a.subject());
      n.put("before", a.before());
      n.put("after", a.after());
      n.put("message", a.message());
      n.put("at", a.at() == null ? null : a.at().toString());
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("alert batch could not be written as JSON", e);
    }
  }

  /** {@code sha256=} and the lowercase hex HMAC-SHA256 of {@code body}, keyed with the secret's UTF-8 bytes. */
  static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
