package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.token.CachingTokenProvider;
import io.github.imsdk.auth.internal.token.ChainTokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Combines token providers: a chain that takes the first provider able to deliver, and a cache.
 *
 * <pre>{@code
 * TokenProvider tokens = TokenProviders.firstAvailable(
 *     StaticTokenProvider.fromEnv("IM_TOKEN"), OidcAgentTokenProvider.account("egi"));
 * }</pre>
 */
public final class TokenProviders {

  /** How long before expiry a cached token is replaced unless told otherwise: one minute. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(1);

  private TokenProviders() {}

  /**
   * Returns a provider that tries {@code providers} in order and uses the first that supplies a token.
   *
   * <p>The winner is remembered, so later calls ask it directly; if it fails later the chain is tried again.
   * When every provider fails, the {@link ImCredentialsException} lists each provider's reason, in order.
   * {@link TokenProvider#invalidate()} is passed on to the remembered winner.
   *
   * @throws IllegalArgumentException if no provider is given or one is null
   */
  public static TokenProvider firstAvailable(TokenProvider... providers) {
    Objects.requireNonNull(providers, "providers");
    return new ChainTokenProvider(Arrays.asList(providers));
  }

  /**
   * Returns a provider that tries {@code providers} in order; see {@link #firstAvailable(TokenProvider...)}.
   *
   * @throws IllegalArgumentException if the list is empty or holds a null
   */
  public static TokenProvider firstAvailable(List<? extends TokenProvider> providers) {
    Objects.requireNonNull(providers, "providers");
    return new ChainTokenProvider(new java.util.ArrayList<TokenProvider>(providers));
  }

  /**
   * Returns a thread-safe provider that keeps {@code provider}'s token until {@link #DEFAULT_REFRESH_MARGIN}
   * before it expires. See {@link #cached(TokenProvider, Duration)}.
   */
  public static TokenProvider cached(TokenProvider provider) {
    return cached(provider, DEFAULT_REFRESH_MARGIN);
  }

  /**
   * Returns a thread-safe provider that keeps {@code provider}'s token until {@code refreshMargin} before it
   * expires.
   *
   * <p>The expiry is the JWT {@code exp} claim when the token is a JWT (read without checking the signature),
   * otherwise what the provider reported. A token of unknown expiry is kept until {@link
   * TokenProvider#invalidate()}, which the client calls after the server rejected the token.
   *
   * @throws IllegalArgumentException if {@code refreshMargin} is negative
   */
  public static TokenProvider cached(TokenProvider provider, Duration refreshMargin) {
    return cached(provider, refreshMargin, Clock.systemUTC());
  }

  static TokenProvider cached(TokenProvider provider, Duration refreshMargin, Clock clock) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(refreshMargin, "refreshMargin");
    return new CachingTokenProvider(provider, refreshMargin, clock);
  }
}
