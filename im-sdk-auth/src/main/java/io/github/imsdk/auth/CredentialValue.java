package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.LiteralValue;
import io.github.imsdk.auth.internal.ProviderValue;
import java.util.Objects;

/**
 * The value of one key of an IM auth line, resolved when a request is sent.
 *
 * <p>A value is either a literal string or something evaluated on the client at request time (a token provider,
 * and in auth files {@code file(path)} and {@code command(cmd)}). Because the Authorization header is rebuilt for
 * every request, a value backed by a {@link TokenProvider} stays fresh through long waits.
 *
 * <p>{@link #toString()} never reveals a secret.
 */
public interface CredentialValue {

  /**
   * Returns the value to send now, evaluating it if needed.
   *
   * @throws ImCredentialsException if the value cannot be obtained
   */
  String resolve();

  /** Forgets any cached value after the server rejected it; literals ignore this. */
  default void invalidate() {}

  /**
   * Returns how the value is written in an auth file: the literal itself, {@code file(...)} or {@code command(...)}.
   *
   * @throws ImCredentialsException for values that have no auth-file form (e.g. a Java token provider)
   */
  String authFileForm();

  /** Returns a literal value. */
  static CredentialValue of(String literal) {
    return new LiteralValue(Objects.requireNonNull(literal, "literal"));
  }

  /** Returns a value that takes an access token from {@code provider} each time it is resolved. */
  static CredentialValue from(TokenProvider provider) {
    return new ProviderValue(Objects.requireNonNull(provider, "provider"));
  }
}
