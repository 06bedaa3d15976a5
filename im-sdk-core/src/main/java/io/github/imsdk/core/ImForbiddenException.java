package io.github.imsdk.core;

/** Thrown when the credentials are valid but not an owner of the infrastructure, or the function is disabled (HTTP 403). */
public class ImForbiddenException extends ImServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for the call {@code method path}. */
  public ImForbiddenException(int statusCode, String method, String path, String serverMessage) {
    super(statusCode, method, path, serverMessage);
  }
}
