package io.github.imsdk.core.internal.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call to IM, as every operation of the SDK describes it before it goes through {@link ImHttp}.
 *
 * @param method the HTTP method ({@code GET}, {@code POST}, {@code PUT}, {@code DELETE})
 * @param path the path below the endpoint, already percent-encoded, starting with {@code /}
 * @param query the query parameters, in order (values are not encoded)
 * @param body the request body, or {@code null} for none
 * @param contentType the body's media type, or {@code null} when there is no body
 * @param idempotent whether repeating the call cannot change the outcome (a retry policy may use it)
 */
public record ImCall(
    String method, String path, Map<String, String> query, String body, String contentType, boolean idempotent) {

  /** Checks the components and copies the query map. */
  public ImCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query == null ? Map.of() : query));
    if (body != null && contentType == null) {
      throw new IllegalArgumentException("a body needs a content type: " + method + " " + path);
    }
  }

  /** Shows the method, path, query names and body size only: the body and query values may hold secrets. */
  @Override
  public String toString() {
    return "ImCall[" + method + " " + path + (query.isEmpty() ? "" : " query " + query.keySet())
        + (body == null ? "" : ", " + contentType + " body of " + body.length() + " chars")
        + (idempotent ? ", idempotent" : "") + "]";
  }

  /** Returns a {@code GET} of {@code path}. */
  public static ImCall get(String path) {
    return new ImCall("GET", path, Map.of(), null, null, true);
  }

  /** Returns a copy with the query parameter {@code name} set to {@code value}. */
  public ImCall withQuery(String name, String value) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, value);
    return new ImCall(method, path, q, body, contentType, idempotent);
  }

  /** Returns {@code method path} for messages (the query is left out: it may hold user data). */
  public String describe() {
    return method + " " + path;
  }
}
