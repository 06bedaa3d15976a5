package io.github.imsdk.core;

import io.github.imsdk.ImException;

/**
 * Thrown when the server answered, but the answer could not be understood: a garbled or truncated body, an
 * unexpected content type, or a JSON shape that does not match the call.
 */
public class ImResponseException extends ImException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;
  private final int statusCode;

  /** Creates an exception for the call {@code method path} that answered {@code statusCode}. */
  public ImResponseException(String method, String path, int statusCode, String message, Throwable cause) {
    super(method + " " + path + " (HTTP " + statusCode + "): " + message, cause);
    this.method = method;
    this.path = path;
    this.statusCode = statusCode;
  }

  /** Returns the HTTP method of the call. */
  public String method() {
    return method;
  }

  /** Returns the path of the call, relative to the IM endpoint. */
  public String path() {
    return path;
  }

  /** Returns the HTTP status of the answer. */
  public int statusCode() {
    return statusCode;
  }
}
