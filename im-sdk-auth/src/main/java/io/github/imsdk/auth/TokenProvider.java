package io.github.imsdk.auth;

/**
 * Supplies an access token (e.g. an OIDC access token) on demand.
 *
 * <p>Implementations cache the token until shortly before it expires, so calling {@link #token()} before every
 * request is cheap. After a server rejected a token the client calls {@link #invalidate()} and retries once, so
 * the next {@link #token()} must fetch a fresh one.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TokenProvider {

  /**
   * Returns a token that is valid now.
   *
   * @throws ImCredentialsException if no token can be had; the message says why and holds no secret
   */
  AccessToken token();

  /** Forgets any cached token, so that the next {@link #token()} obtains a new one. */
  default void invalidate() {}
}
