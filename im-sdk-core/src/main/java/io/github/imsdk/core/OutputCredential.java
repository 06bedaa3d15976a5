package io.github.imsdk.core;

import java.util.Objects;

/**
 * A credential published as a TOSCA output ({@code {"user": ..., "token": ..., "token_type": ...}}).
 * {@link #toString()} masks the token.
 *
 * @param user the user name
 * @param token the password or private key
 * @param tokenType what the token is, e.g. {@code password} or {@code private_key}; empty if not given
 */
public record OutputCredential(String user, String token, String tokenType) {

  /** Checks the components. */
  public OutputCredential {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(tokenType, "tokenType");
  }

  @Override
  public String toString() {
    return "OutputCredential[user=" + user + ", token=***, tokenType=" + tokenType + "]";
  }
}
