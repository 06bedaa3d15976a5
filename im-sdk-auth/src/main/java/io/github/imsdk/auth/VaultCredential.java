package io.github.imsdk.auth;

import java.util.Objects;

/**
 * One IM credential as stored in Vault by the IM dashboard and read by the IM server: an auth line and whether
 * it is enabled (the server skips disabled ones).
 *
 * @param line the credential, with literal values
 * @param enabled whether the IM server uses it
 */
public record VaultCredential(AuthLine line, boolean enabled) {

  /** Checks the components. */
  public VaultCredential {
    Objects.requireNonNull(line, "line");
  }

  /** Returns the credential's id (the key it is stored under). */
  public String id() {
    return line.id().orElseThrow();
  }

  @Override
  public String toString() {
    return "VaultCredential[" + line + (enabled ? "" : ", disabled") + "]";
  }
}
