package io.github.imsdk.tosca;

import io.github.imsdk.ImException;

/**
 * Root of the exceptions thrown by the TOSCA module: malformed YAML ({@link ToscaParseException}) and templates
 * that break a rule ({@link ToscaValidationException}).
 *
 * <p>It is unchecked and extends the SDK's root {@link ImException}, so a caller's {@code catch (ImException e)}
 * around {@code create(template)} also catches a template the SDK rejected before sending it. The TOSCA module
 * depends on no other im-sdk module except {@code im-sdk-errors}, which holds only that root.
 */
public class ToscaException extends ImException {
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
