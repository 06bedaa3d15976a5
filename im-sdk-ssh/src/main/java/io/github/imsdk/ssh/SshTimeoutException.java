package io.github.imsdk.ssh;

/**
 * An SSH operation did not finish within its bound: connecting, authenticating, waiting for SSH to answer, a
 * command, or a file transfer. The operation was abandoned and its channel closed.
 */
public class SshTimeoutException extends SshException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public SshTimeoutException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public SshTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
