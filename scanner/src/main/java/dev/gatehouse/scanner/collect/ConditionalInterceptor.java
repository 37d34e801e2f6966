package dev.gatehouse.scanner.collect;

import java.io.IOException;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Conditional GETs: sends {@code If-None-Match} with the stored ETag, turns a 304 back into the
 * stored answer (marked {@code X-Gatehouse-Cache: hit}), and stores new ETags.
 */
final class ConditionalInterceptor implements Interceptor {

  static final String CACHE_HEADER = "X-Gatehouse-Cache";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final EtagStore store;

  ConditionalInterceptor(EtagStore store) {
    this.store = store;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!request.method().equals("GET")) {
      return chain.proceed(request);
    }
    String url = request.url().toString();
    Optional<EtagStore.Entry> cached = store.get(url);
    Request sent = cached.map(c -> request.newBuilder().header("If-None-Match", c.etag()).build()).orElse(request);
    Response response = chain.proceed(sent);
    if (response.code() == 304 && cached.isPresent()) {
      response.close();
      return response.newBuilder().code(200).message("OK (not modified)")
          .header(CACHE_HEADER, "hit")
          .body(ResponseBody.create(cached.get().body(), JSON)).build();
    }
    String etag = response.header("ETag");
    if (response.code() == 200 && etag != null && response.body() != null) {
      byte[] body = response.body().bytes();
      store.put(url, new EtagStore.Entry(etag, body));
      return response.newBuilder().body(ResponseBody.create(body, response.body().contentType())).build();
    }
    return response;
  }
}
