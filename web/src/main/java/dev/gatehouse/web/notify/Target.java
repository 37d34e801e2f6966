package dev.gatehouse.web.notify;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** One place an organization's alerts go, with the format they go in. */
record Target(Kind kind, URI url, Optional<String> secret) {

  enum Kind { WEBHOOK, SLACK }

  /**
   * The URL as logs may show it: scheme, host and port only. Query strings carry tokens, and so do
   * paths (a Slack incoming-webhook URL is a bearer secret in its path), so neither is written.
   */
  String redacted() {
    String scheme = url.getScheme() == null ? "?" : url.getScheme();
    String host = url.getHost() == null ? "?" : url.getHost();
    return scheme + "://" + host + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/…";
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + " " + redacted();
  }
}
