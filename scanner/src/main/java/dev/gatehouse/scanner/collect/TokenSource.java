package dev.gatehouse.scanner.collect;

import java.io.IOException;

/** The credential to send for an organization: a fixed token, or a GitHub App installation token. */
public interface TokenSource {

  /** The token, or null for anonymous access. */
  String token(String org) throws IOException;

  static TokenSource fixed(String token) {
    return org -> token;
  }
}
