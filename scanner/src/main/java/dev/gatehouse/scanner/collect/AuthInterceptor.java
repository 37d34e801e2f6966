package dev.gatehouse.scanner.collect;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds the credentials for the request's organization; innermost, so every retry gets a fresh token. */
final class AuthInterceptor implements Interceptor {

  private final TokenSource tokens;

  AuthInterceptor(TokenSource tokens) {
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("Authorization") != null) {
      return chain.proceed(request);
    }
    CallTag tag = request.tag(CallTag.class);
    String token = tokens.token(tag == null ? null : tag.org());
    Request.Builder builder = request.newBuilder()
        .header("Accept", request.header("Accept") == null ? "application/vnd.github+json" : request.header("Accept"))
        .header("X-GitHub-Api-Version", "2022-11-28")
        .header("User-Agent", "gatehouse");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return chain.proceed(builder.build());
  }
}
