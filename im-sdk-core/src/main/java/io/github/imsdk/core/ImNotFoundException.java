package io.github.imsdk.core;

/** Thrown when the infrastructure, VM or property does not exist or was deleted (HTTP 404). */
public class ImNotFoundException extends ImServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for the call {@code method path}. */
  public ImNotFoundException(int statusCode, String method, String path, String serverMessage) {
    super(statusCode, method, path, serverMessage);
  }
}
