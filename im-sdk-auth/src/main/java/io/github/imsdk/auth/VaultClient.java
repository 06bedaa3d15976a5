package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.vault.VaultHttp;
import io.github.imsdk.auth.internal.vault.VaultKv;
import io.github.imsdk.auth.internal.vault.VaultLogin;
import io.github.imsdk.auth.internal.vault.VaultSession;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A small client for the key/value store of HashiCorp Vault or OpenBao, enough to read tokens and to manage the
 * IM credentials that the IM server reads from Vault.
 *
 * <pre>{@code
 * try (VaultClient vault = VaultClient.builder(URI.create("https://vault.example.org:8200"))
 *     .auth(VaultAuth.jwt(OidcAgentTokenProvider.account("egi"), "im"))
 *     .build()) {
 *   Optional<Map<String, String>> secret = vault.read(VaultPath.kv2("secret", "im/robot"));
 * }
 * }</pre>
 *
 * <p>The client logs in lazily, renews its token ({@code POST /v1/auth/token/renew-self}) before the lease ends,
 * and logs in again when renewal is not possible. Errors are {@link ImVaultException}s naming the method, path
 * and Vault's error text, never a token. Instances are thread-safe; {@link #close()} revokes a token the client
 * obtained by logging in.
 */
public final class VaultClient implements AutoCloseable {

  /** How long before the lease ends the token is renewed, unless told otherwise: five minutes. */
  public static final Duration DEFAULT_RENEW_MARGIN = Duration.ofMinutes(5);

  /** The default timeout of each HTTP request: 10 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI address;
  private final VaultAuth auth;
  private final VaultSession session;

  private VaultClient(Builder b, Clock clock) {
    this.address = b.address;
    this.auth = b.auth;
    VaultLogin login = new VaultLogin(b.auth.method().name().toLowerCase(java.util.Locale.ROOT),
        b.auth.mount().orElse(null), b.auth.role().orElse(null), b.auth.vaultToken(), b.auth.jwtProvider(),
        b.auth.roleId(), b.auth.secretId());
    VaultHttp http = new VaultHttp(b.address, b.namespace, b.timeout, b.tls);
    this.session = new VaultSession(http, login, b.renewMargin, clock);
  }

  /**
   * Returns a builder for the Vault at {@code address}, e.g. {@code https://vault.example.org:8200}.
   *
   * @throws IllegalArgumentException if {@code address} is not an http(s) URL with a host, or holds user info
   */
  public static Builder builder(URI address) {
    return new Builder(address);
  }

  /**
   * Reads a secret: {@code GET /v1/{mount}/{path}} (KV 1) or {@code GET /v1/{mount}/data/{path}} (KV 2).
   * Values that are not JSON strings are returned as their JSON text.
   *
   * @return the secret's keys and values, or empty when the secret does not exist
   * @throws ImVaultException if Vault refuses (e.g. 403 permission denied), is sealed or cannot be reached
   */
  public Optional<Map<String, String>> read(VaultPath path) {
    Objects.requireNonNull(path, "path");
    return VaultKv.read(session, path.mount(), path.path(), path.kvVersion());
  }

  /**
   * Writes a whole secret, replacing what was there: {@code POST /v1/{mount}/{path}} with the map (KV 1) or
   * {@code POST /v1/{mount}/data/{path}} with {@code {"data": map}} (KV 2, a new version).
   *
   * @throws ImVaultException if Vault refuses, is sealed or cannot be reached
   */
  public void write(VaultPath path, Map<String, String> values) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(values, "values");
    VaultKv.write(session, path.mount(), path.path(), path.kvVersion(), values);
  }

  /**
   * Deletes a secret: {@code DELETE /v1/{mount}/{path}} (KV 1) or, for KV 2, every version and the metadata with
   * {@code DELETE /v1/{mount}/metadata/{path}}.
   *
   * @throws ImVaultException if Vault refuses, is sealed or cannot be reached
   */
  public void delete(VaultPath path) {
    Objects.requireNonNull(path, "path");
    VaultKv.delete(session, path.mount(), path.path(), path.kvVersion());
  }

  /**
   * Returns the Vault identity entity id of the client's token: the {@code entity_id} of the login, or of
   * {@code GET /v1/auth/token/lookup-self}. The IM server keeps a user's credentials under this id.
   *
   * @throws ImCredentialsException if the token has no entity (e.g. a root token)
   */
  public String entityId() {
    return session.entityId();
  }

  /** Returns Vault's address. */
  public URI address() {
    return address;
  }

  /** Revokes the token the client obtained by logging in ({@code POST /v1/auth/token/revoke-self}), if any. */
  @Override
  public void close() {
    session.revokeIfLoggedIn();
  }

  @Override
  public String toString() {
    return "VaultClient[" + address + ", " + auth + "]";
  }

  /** Builds a {@link VaultClient}. Not thread-safe. */
  public static final class Builder {
    private final URI address;
    private VaultAuth auth;
    private String namespace;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration renewMargin = DEFAULT_RENEW_MARGIN;
    private Tls tls = Tls.system();

    private Builder(URI address) {
      Objects.requireNonNull(address, "address");
      String authority = address.getRawAuthority();
      if (address.isOpaque() || address.getRawUserInfo() != null || authority != null && authority.contains("@")) {
        // The address is not quoted: its user info, or what an opaque URI holds, may be a password.
        throw new IllegalArgumentException("the Vault address must be an http(s) URL with a host and without user"
            + " info (user:password@); pass credentials with auth(...) instead");
      }
      String scheme = address.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || address.getHost() == null) {
        throw new IllegalArgumentException("the Vault address must be an http(s) URL with a host, got " + address);
      }
      this.address = address;
    }

    /** Sets how the client authenticates (required). */
    public Builder auth(VaultAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** Sends {@code X-Vault-Namespace} with every request (Vault Enterprise, OpenBao), e.g. {@code ns1/}. */
    public Builder namespace(String namespace) {
      Objects.requireNonNull(namespace, "namespace");
      if (namespace.isBlank()) {
        throw new IllegalArgumentException("the Vault namespace must not be blank");
      }
      this.namespace = namespace.strip();
      return this;
    }

    /**
     * Sets the bound of each HTTP call to Vault, end to end: connect, send, and the whole answer however slowly it
     * arrives (also the connect timeout). Default {@link #DEFAULT_TIMEOUT}. A call that logs in or renews first
     * makes two calls, each with this bound.
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how Vault's TLS certificate is checked for an {@code https://} address, with the same settings as the IM
     * client: {@link Tls#system()} (the default), {@link Tls#caBundle}, {@link Tls#trustStore} or
     * {@link Tls#insecure()} (announced on SLF4J and standard error when the client is built). The CA bundle or
     * trust store is read by {@link #build()}.
     */
    public Builder tls(Tls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Sets how long before its lease ends the token is renewed (at most half the lease is used). Default {@link
     * #DEFAULT_RENEW_MARGIN}.
     */
    public Builder renewMargin(Duration margin) {
      Objects.requireNonNull(margin, "margin");
      if (margin.isNegative()) {
        throw new IllegalArgumentException("renewMargin must not be negative, got " + margin);
      }
      this.renewMargin = margin;
      return this;
    }

    /**
     * Returns the client; nothing is sent to Vault until the first call.
     *
     * @throws IllegalStateException if no {@link #auth(VaultAuth)} was set
     */
    public VaultClient build() {
      return build(Clock.systemUTC());
    }

    VaultClient build(Clock clock) {
      if (auth == null) {
        throw new IllegalStateException("VaultClient needs auth(...): a token, a JWT login or an AppRole login");
      }
      return new VaultClient(this, clock);
    }
  }
}
