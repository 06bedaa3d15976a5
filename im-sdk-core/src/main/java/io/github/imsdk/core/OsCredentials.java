package io.github.imsdk.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The operating-system credentials of a VM ({@code disk.0.os.credentials.*} of its RADL). Where IM has a pending
 * change ({@code .new.password}, {@code .new.private_key}) that is not yet applied, the current values are
 * {@link #password()} and {@link #privateKey()} and the pending ones {@link #newPassword()} and
 * {@link #newPrivateKey()}; an SSH client may offer both. {@link #toString()} shows only the user name.
 *
 * @param username the SSH user
 * @param password the SSH password, if password authentication is used
 * @param privateKey the SSH private key (PEM text), if key authentication is used
 * @param publicKey the matching public key, if known
 * @param newPassword the password IM is changing the VM to ({@code disk.0.os.credentials.new.password}), if any
 * @param newPrivateKey the private key IM is changing the VM to ({@code disk.0.os.credentials.new.private_key}),
 *     if any
 */
public record OsCredentials(
    String username,
    Optional<String> password,
    Optional<String> privateKey,
    Optional<String> publicKey,
    Optional<String> newPassword,
    Optional<String> newPrivateKey) {

  /** Checks the components. */
  public OsCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(newPassword, "newPassword");
    Objects.requireNonNull(newPrivateKey, "newPrivateKey");
  }

  /** Creates credentials with no pending change. */
  public OsCredentials(
      String username, Optional<String> password, Optional<String> privateKey, Optional<String> publicKey) {
    this(username, password, privateKey, publicKey, Optional.empty(), Optional.empty());
  }

  @Override
  public String toString() {
    return "OsCredentials[username=" + username + ", password=" + (password.isPresent() ? "***" : "none")
        + ", privateKey=" + (privateKey.isPresent() ? "***" : "none")
        + (newPassword.isPresent() || newPrivateKey.isPresent() ? ", pending change=***" : "") + "]";
  }
}
