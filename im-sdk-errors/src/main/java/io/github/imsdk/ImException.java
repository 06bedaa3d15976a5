package io.github.imsdk;

/**
 * Root of every exception the im-sdk throws on purpose: IM calls, credentials, waits and TOSCA templates.
 *
 * <p>It is unchecked: callers catch it (or one of its subclasses) where they can act on it. Messages never
 * contain the Authorization header, tokens, passwords or keys.
 */
public class ImException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public ImException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public ImException(String message, Throwable cause) {
    super(message, cause);
  }
}
