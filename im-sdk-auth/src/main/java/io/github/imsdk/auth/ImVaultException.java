package io.github.imsdk.auth;

import java.util.Optional;

/**
 * Thrown when Vault (or OpenBao) refused or failed a request: permission denied, sealed, unreachable, a rejected
 * login. The message names the method, the path and Vault's own error text; it never holds a token or secret.
 */
public class ImVaultException extends ImCredentialsException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  /**
   * Creates the exception.
   *
   * @param message what failed, with no secret in it
   * @param statusCode Vault's HTTP status, or 0 when no HTTP response was received
   * @param cause the underlying exception, or null
   */
  public ImVaultException(String message, int statusCode, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /** Returns Vault's HTTP status code, or empty when Vault could not be reached. */
  public Optional<Integer> statusCode() {
    return statusCode == 0 ? Optional.empty() : Optional.of(statusCode);
  }
}
