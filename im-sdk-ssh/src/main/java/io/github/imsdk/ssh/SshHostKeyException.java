package io.github.imsdk.ssh;

/**
 * The server's host key was refused by the {@link HostKeyPolicy}: unknown to a strict known-hosts file, or
 * different from the key recorded for that host and port (a possible man-in-the-middle). Never retried.
 */
public class SshHostKeyException extends SshException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public SshHostKeyException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public SshHostKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
