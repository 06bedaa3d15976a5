package io.github.imsdk.auth.internal.vault;

import io.github.imsdk.auth.TokenProvider;

/**
 * How a session obtains its Vault token: {@code kind} is {@code token}, {@code jwt} or {@code approle}.
 * Never printed: it holds secrets.
 */
public record VaultLogin(String kind, String mount, String role, String token, TokenProvider jwt, String roleId,
    String secretId) {

  @Override
  public String toString() {
    return "VaultLogin[" + kind + (mount == null ? "" : " at auth/" + mount) + "]";
  }
}
