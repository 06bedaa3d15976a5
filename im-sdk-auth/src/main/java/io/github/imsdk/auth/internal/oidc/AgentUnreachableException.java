package io.github.imsdk.auth.internal.oidc;

import io.github.imsdk.auth.ImCredentialsException;

/** The agent could not be contacted at all (no OIDC_SOCK, no socket, connection refused): a fallback may apply. */
public final class AgentUnreachableException extends ImCredentialsException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public AgentUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
