package dev.gatehouse.scanner.collect;

import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Waits for the shared budget before each attempt, records the answer's limits, and meters the call. */
final class RateLimitInterceptor implements Interceptor {

  private final RateBudget budget;

  RateLimitInterceptor(RateBudget budget) {
    this.budget = budget;
  }

  static String resource(Request request) {
    return request.url().encodedPath().endsWith("/graphql") ? "graphql" : "core";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallTag tag = request.tag(CallTag.class);
    String resource = resource(request);
    try {
      long waited = budget.acquire(resource);
      if (tag != null && waited > 0) {
        tag.meter().waited(waited);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the GitHub rate limit");
    }
    Response response = chain.proceed(request);
    String answered = response.header("x-ratelimit-resource");
    budget.update(answered == null ? resource : answered, response.header("x-ratelimit-limit"),
        response.header("x-ratelimit-remaining"), response.header("x-ratelimit-reset"));
    if (tag != null) {
      tag.meter().countRequest();
      if (response.code() == 304) {
        tag.meter().countNotModified();
      } else if (!resource.equals("graphql")) {
        tag.meter().restPoint();
      }
    }
    return response;
  }
}
