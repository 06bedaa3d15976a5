package io.github.imsdk.testing.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One request as the engine sees it, and the answer it builds. */
public final class Exchange {
  final String method;
  final String path;
  final Map<String, String> query;
  final Map<String, String> headers;
  private final Map<String, String> rawHeaders;
  final String body;
  final String baseUrl;

  int status = 200;
  String contentType = "text/plain";
  String responseBody = "";
  final Map<String, String> responseHeaders = new LinkedHashMap<>();

  /**
   * Creates a request.
   *
   * @param headers request headers; names are matched case-insensitively
   * @param baseUrl scheme, host and port the URIs in answers start with
   */
  public Exchange(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
      String baseUrl) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.rawHeaders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.headers = new LinkedHashMap<>();
    headers.forEach((k, v) -> this.headers.put(k.toLowerCase(Locale.ROOT), v));
    this.body = body == null ? "" : body;
    this.baseUrl = baseUrl;
  }

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** Returns the request method as sent. */
  public String method() {
    return method;
  }

  /** Returns the decoded request path, without the query. */
  public String path() {
    return path;
  }

  /** Returns the decoded query parameters. */
  public Map<String, String> query() {
    return java.util.Collections.unmodifiableMap(query);
  }

  /** Returns the request headers as received. */
  public Map<String, String> requestHeaders() {
    return rawHeaders;
  }

  /** Returns the request body; empty when there was none. */
  public String requestBody() {
    return body;
  }

  /** Returns the answer's status code. */
  public int status() {
    return status;
  }

  /** Returns the answer's Content-Type. */
  public String contentType() {
    return contentType;
  }

  /** Returns the answer's body. */
  public String responseBody() {
    return responseBody;
  }

  /** Returns the answer's extra headers (e.g. {@code InfID}). */
  public Map<String, String> responseHeaders() {
    return responseHeaders;
  }
}
