package io.github.imsdk.ssh;

import io.github.imsdk.ImException;

/**
 * An SSH operation on a VM failed: the connection, a channel, a file transfer or a port forward. Messages name the
 * user, host, port and path involved, never a password or a key.
 */
public class SshException extends ImException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public SshException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public SshException(String message, Throwable cause) {
    super(message, cause);
  }
}
