package io.github.imsdk.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The SSH gateway in front of a VM on a private network: the {@code proxy_host} feature of the network
 * ({@code user:password@host:port}, password and port optional, port 22 by default) and its {@code proxy_key}
 * (a private key, PEM text). {@link #toString()} never shows the password or the key.
 *
 * @param user the user on the gateway, if {@code proxy_host} names one
 * @param password the gateway password, if any
 * @param host the gateway's host name or IP
 * @param port the gateway's SSH port
 * @param privateKey the gateway private key ({@code proxy_key}), if any
 */
public record ProxyHost(
    Optional<String> user, Optional<String> password, String host, int port, Optional<String> privateKey) {

  /** Checks the components. */
  public ProxyHost {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("proxy host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port must be within 1..65535, got " + port);
    }
    Objects.requireNonNull(privateKey, "privateKey");
  }

  @Override
  public String toString() {
    return "ProxyHost[" + user.map(u -> u + "@").orElse("") + host + ":" + port
        + ", password=" + (password.isPresent() ? "***" : "none")
        + ", privateKey=" + (privateKey.isPresent() ? "***" : "none") + "]";
  }
}
