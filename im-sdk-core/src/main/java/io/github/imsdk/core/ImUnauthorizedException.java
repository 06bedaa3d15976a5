package io.github.imsdk.core;

/** Thrown when IM did not accept the credentials: HTTP 401, or IM's HTTP 400 whose message says {@code Invalid InfrastructureManager credentials}. */
public class ImUnauthorizedException extends ImServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for the call {@code method path}. */
  public ImUnauthorizedException(int statusCode, String method, String path, String serverMessage) {
    super(statusCode, method, path, serverMessage);
  }
}
