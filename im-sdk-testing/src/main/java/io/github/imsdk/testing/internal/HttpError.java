package io.github.imsdk.testing.internal;

/** An error answer: status and IM's message text. */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  /** For IM 2.0's framework errors: the {@code detail} value; when set, the body is {@code {"detail": ...}}. */
  final transient Object detail;

  HttpError(int status, String message) {
    this(status, message, null);
  }

  HttpError(int status, String message, Object detail) {
    super(message, null, false, false);
    this.status = status;
    this.detail = detail;
  }
}
