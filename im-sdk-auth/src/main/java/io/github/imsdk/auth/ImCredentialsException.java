package io.github.imsdk.auth;

import io.github.imsdk.ImException;
import java.util.List;

/**
 * Thrown when a credential value could not be obtained: a token provider failed, a {@code command(...)} value
 * exited non-zero or timed out, a {@code file(...)} value could not be read, an auth file is malformed, or
 * credentials cannot be written to an auth file.
 *
 * <p>The message says which credential (line, key, provider) failed and why; it never contains the secret.
 */
public class ImCredentialsException extends ImException {
  private static final long serialVersionUID = 1L;

  private final List<String> reasons;

  /** Creates an exception with one reason. */
  public ImCredentialsException(String message) {
    super(message);
    this.reasons = List.of(message);
  }

  /** Creates an exception with one reason and its cause. */
  public ImCredentialsException(String message, Throwable cause) {
    super(message, cause);
    this.reasons = List.of(message);
  }

  /** Creates an exception that collects the reasons of several failed attempts (e.g. a provider chain). */
  public ImCredentialsException(String message, List<String> reasons) {
    super(message + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
    this.reasons = List.copyOf(reasons);
  }

  /** Returns each failed attempt's reason, in the order they were tried. */
  public List<String> reasons() {
    return reasons;
  }
}
