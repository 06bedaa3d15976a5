package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.token.CachingTokenProvider;
import io.github.imsdk.auth.internal.token.Tokens;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies a token stored in Vault: the value of one field of a KV secret (e.g. a robot account's access token
 * kept fresh by another process).
 *
 * <pre>{@code
 * TokenProvider robot = VaultTokenProvider.of(vault, VaultPath.kv2("secret", "im/robot"), "access_token");
 * }</pre>
 *
 * <p>The token is kept until {@link TokenProviders#DEFAULT_REFRESH_MARGIN} before its JWT {@code exp} (or until
 * {@link #invalidate()} when it is not a JWT); then the secret is read again.
 */
public final class VaultTokenProvider implements TokenProvider {

  private final VaultPath path;
  private final String field;
  private final CachingTokenProvider cache;

  private VaultTokenProvider(VaultClient client, VaultPath path, String field, Clock clock) {
    this.path = path;
    this.field = field;
    TokenProvider read = new TokenProvider() {
      @Override
      public AccessToken token() {
        String value = client.read(path)
            .orElseThrow(() -> new ImCredentialsException("Vault secret " + path + " does not exist"))
            .get(field);
        if (value == null || value.isBlank()) {
          throw new ImCredentialsException("Vault secret " + path + " has no field '" + field + "'");
        }
        return Tokens.withExpiry(value.strip(), Optional.empty());
      }

      @Override
      public String toString() {
        return VaultTokenProvider.this.toString();
      }
    };
    this.cache = new CachingTokenProvider(read, TokenProviders.DEFAULT_REFRESH_MARGIN, clock);
  }

  /** Returns a provider of the value of {@code field} in the secret at {@code path}. */
  public static VaultTokenProvider of(VaultClient client, VaultPath path, String field) {
    return of(client, path, field, Clock.systemUTC());
  }

  static VaultTokenProvider of(VaultClient client, VaultPath path, String field, Clock clock) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(field, "field");
    if (field.isBlank()) {
      throw new IllegalArgumentException("the field name must not be blank");
    }
    return new VaultTokenProvider(client, path, field, clock);
  }

  /**
   * Returns the token, reading Vault when none is cached or it is about to expire.
   *
   * @throws ImCredentialsException if the secret or field does not exist, or Vault fails ({@link ImVaultException})
   */
  @Override
  public AccessToken token() {
    return cache.token();
  }

  /** Forgets the cached token; the next {@link #token()} reads Vault again. */
  @Override
  public void invalidate() {
    cache.invalidate();
  }

  @Override
  public String toString() {
    return "VaultTokenProvider[" + path + " field " + field + "]";
  }
}
