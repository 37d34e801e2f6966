package dev.gatehouse.web.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** What a request presented: an API token (Authorization: Bearer) or a dashboard session cookie. */
public final class GatehouseCredential extends BaseAuthenticationRequest {

  public enum Kind { API_TOKEN, SESSION }

  private final Kind kind;
  private final String value;

  GatehouseCredential(Kind kind, String value) {
    this.kind = kind;
    this.value = value;
  }

  Kind kind() {
    return kind;
  }

  String value() {
    return value;
  }

  @Override
  public String toString() {
    return "GatehouseCredential[" + kind + "]"; // never the secret
  }
}
