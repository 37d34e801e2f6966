package dev.gatehouse.scanner.collect;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries what is worth retrying, with caps: 5xx, timeouts and connection resets with jittered
 * exponential backoff; rate limits (403/429 with {@code retry-after}, an exhausted primary limit,
 * a secondary-limit message) by waiting as GitHub asks. Other 4xx are answers, not failures.
 */
final class RetryInterceptor implements Interceptor {

  private final RateBudget budget;
  private final int maxAttempts;
  private final int maxRateLimitWaits;
  private final Duration baseBackoff;

  RetryInterceptor(RateBudget budget, int maxAttempts, int maxRateLimitWaits, Duration baseBackoff) {
    this.budget = budget;
    this.maxAttempts = maxAttempts;
    this.maxRateLimitWaits = maxRateLimitWaits;
    this.baseBackoff = baseBackoff;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallTag tag = request.tag(CallTag.class);
    int failures = 0;
    int rateLimitWaits = 0;
    while (true) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted() || ++failures >= maxAttempts) {
          throw e;
        }
        backoff(tag, failures);
        continue;
      } catch (IOException e) {
        if (++failures >= maxAttempts) {
          throw e;
        }
        backoff(tag, failures);
        continue;
      }
      int code = response.code();
      if (code >= 500 && code <= 504) {
        if (++failures >= maxAttempts) {
          return response;
        }
        response.close();
        backoff(tag, failures);
        continue;
      }
      if ((code == 403 || code == 429) && rateLimitWaits < maxRateLimitWaits) {
        Instant until = rateLimitedUntil(response, rateLimitWaits);
        if (until != null) {
          rateLimitWaits++;
          response.close();
          budget.pauseUntil(until);
          if (tag != null) {
            tag.meter().retry();
          }
          continue;
        }
      }
      return response;
    }
  }

  /** When GitHub says to retry a rate-limited answer, or null when the 403 is about permissions. */
  private Instant rateLimitedUntil(Response response, int previousWaits) throws IOException {
    Instant now = budget.clock().instant();
    String retryAfter = response.header("retry-after");
    if (retryAfter != null) {
      try {
        return now.plusSeconds(Math.max(1, Long.parseLong(retryAfter.trim())));
      } catch (NumberFormatException e) {
        return now.plusSeconds(60);
      }
    }
    if ("0".equals(response.header("x-ratelimit-remaining")) && response.header("x-ratelimit-reset") != null) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(response.header("x-ratelimit-reset").trim())).plusSeconds(1);
      } catch (NumberFormatException e) {
        return now.plusSeconds(60);
      }
    }
    String body = response.peekBody(4096).string().toLowerCase(Locale.ROOT);
    if (body.contains("secondary rate limit") || body.contains("abuse detection")) {
      return now.plusSeconds(60L << Math.min(previousWaits, 4));
    }
    return null;
  }

  private void backoff(CallTag tag, int failures) throws InterruptedIOException {
    long base = baseBackoff.toMillis() << Math.min(failures - 1, 6);
    long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    if (tag != null) {
      tag.meter().retry();
      tag.meter().waited(jittered);
    }
    try {
      budget.sleeper().sleep(Duration.ofMillis(jittered));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during retry backoff");
    }
  }
}
