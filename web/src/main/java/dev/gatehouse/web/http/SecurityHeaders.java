package dev.gatehouse.web.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers on every response: a strict Content-Security-Policy (no inline script or style, no
 * framing), so that even a rendering bug cannot run script from attacker-controlled names.
 */
public class SecurityHeaders {

  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @ServerResponseFilter
  public void apply(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle("Content-Security-Policy", CSP);
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
    response.getHeaders().putSingle("X-Frame-Options", "DENY");
  }
}
