package io.github.imsdk.core;

/** Thrown when the infrastructure is in a state that does not allow the operation, e.g. destroying while resources are added (HTTP 409). */
public class ImConflictException extends ImServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for the call {@code method path}. */
  public ImConflictException(int statusCode, String method, String path, String serverMessage) {
    super(statusCode, method, path, serverMessage);
  }
}
