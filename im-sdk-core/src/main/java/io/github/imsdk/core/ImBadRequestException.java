package io.github.imsdk.core;

/** Thrown when a request IM rejected as invalid (HTTP 400): a RADL or TOSCA error, a bad parameter, a cloud error. */
public class ImBadRequestException extends ImServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for the call {@code method path}. */
  public ImBadRequestException(int statusCode, String method, String path, String serverMessage) {
    super(statusCode, method, path, serverMessage);
  }
}
