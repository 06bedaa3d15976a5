package io.github.imsdk.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The operating-system credentials of a VM ({@code disk.0.os.credentials.*} of its RADL). Where IM has a pending
 * change ({@code .new.password}, {@code .new.private_key}) that is not yet applied, the current values are
 * given here; {@link #toString()} shows only the user name.
 *
 * @param username the SSH user
 * @param password the SSH password, if password authentication is used
 * @param privateKey the SSH private key (PEM text), if key authentication is used
 * @param publicKey the matching public key, if known
 */
public record OsCredentials(
    String username, Optional<String> password, Optional<String> privateKey, Optional<String> publicKey) {

  /** Checks the components. */
  public OsCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  @Override
  public String toString() {
    return "OsCredentials[username=" + username + ", password=" + (password.isPresent() ? "***" : "none")
        + ", privateKey=" + (privateKey.isPresent() ? "***" : "none") + "]";
  }
}
