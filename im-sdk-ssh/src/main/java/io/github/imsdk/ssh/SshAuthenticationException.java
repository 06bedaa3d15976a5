package io.github.imsdk.ssh;

/** The SSH server refused every credential offered (password and key), or the target had none to offer. */
public class SshAuthenticationException extends SshException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public SshAuthenticationException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public SshAuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
