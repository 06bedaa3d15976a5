package io.github.imsdk.tosca;

/**
 * Root of the exceptions thrown by the TOSCA module: malformed YAML ({@link ToscaParseException}) and templates
 * that break a rule ({@link ToscaValidationException}).
 *
 * <p>It is unchecked. The TOSCA module depends on no other im-sdk module, so this root stands on its own; callers
 * of the client see it next to {@code io.github.imsdk.ImException}.
 */
public class ToscaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public ToscaException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public ToscaException(String message, Throwable cause) {
    super(message, cause);
  }
}
