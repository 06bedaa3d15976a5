package io.github.imsdk.core;

import io.github.imsdk.ImException;

/**
 * Thrown when no usable HTTP response was received: connection refused, I/O error, timeout, TLS failure.
 *
 * <p>The request may or may not have reached the server.
 */
public class ImTransportException extends ImException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;

  /** Creates an exception for the call {@code method path}. */
  public ImTransportException(String method, String path, String message, Throwable cause) {
    super(method + " " + path + ": " + message, cause);
    this.method = method;
    this.path = path;
  }

  /** Returns the HTTP method of the failed call. */
  public String method() {
    return method;
  }

  /** Returns the path of the failed call, relative to the IM endpoint. */
  public String path() {
    return path;
  }
}
