package io.github.imsdk.core;

import io.github.imsdk.ImException;

/**
 * Thrown when IM answered a call with an error status. Subclasses name the common cases; others (405, 415, 422,
 * 500, 504, ...) are thrown as this class.
 *
 * <p>{@link #serverMessage()} is IM's own message ({@code message} of {@code {"message","code"}}, FastAPI's
 * {@code detail}, or the text of a plain or HTML body), capped in length and scrubbed of secrets.
 */
public class ImServiceException extends ImException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String method;
  private final String path;
  private final String serverMessage;

  /** Creates an exception for the call {@code method path} that answered {@code statusCode}. */
  public ImServiceException(int statusCode, String method, String path, String serverMessage) {
    super(method + " " + path + " failed with HTTP " + statusCode
        + (serverMessage == null || serverMessage.isEmpty() ? "" : ": " + serverMessage));
    this.statusCode = statusCode;
    this.method = method;
    this.path = path;
    this.serverMessage = serverMessage == null ? "" : serverMessage;
  }

  /** Returns the HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the HTTP method of the call. */
  public String method() {
    return method;
  }

  /** Returns the path of the call, relative to the IM endpoint. */
  public String path() {
    return path;
  }

  /** Returns the server's error message (capped, secrets scrubbed); empty if it sent none. */
  public String serverMessage() {
    return serverMessage;
  }
}
