package io.github.imsdk.auth.internal.token;

import io.github.imsdk.auth.AccessToken;
import io.github.imsdk.auth.TokenProvider;
import io.github.imsdk.auth.internal.jwt.JwtExpiry;
import java.time.Instant;
import java.util.Optional;

/** Small helpers shared by the token providers. */
public final class Tokens {

  private Tokens() {}

  /**
   * Returns {@code value} as a token whose expiry is the JWT {@code exp} claim when the value is a JWT, and
   * {@code fallback} (what the provider reported) otherwise. The claim wins because it is what the server checks.
   */
  public static AccessToken withExpiry(String value, Optional<Instant> fallback) {
    Optional<Instant> exp = JwtExpiry.of(value);
    return new AccessToken(value, exp.isPresent() ? exp : fallback);
  }

  /** Returns {@code token} with its expiry taken from the JWT {@code exp} claim when there is one. */
  public static AccessToken withExpiry(AccessToken token) {
    Optional<Instant> exp = JwtExpiry.of(token.value());
    return exp.isPresent() && !exp.equals(token.expiresAt()) ? new AccessToken(token.value(), exp) : token;
  }

  /**
   * Describes a provider for an error message. Our providers' {@code toString()} never holds a secret; for
   * anything else (a lambda, a user class) only the class name is used, since its {@code toString()} is unknown.
   */
  public static String describe(TokenProvider provider) {
    if (provider.getClass().getName().startsWith("io.github.imsdk.auth.")
        && !provider.getClass().isSynthetic()
        && !provider.getClass().getName().contains("$$Lambda")) {
      return provider.toString();
    }
    String name = provider.getClass().getSimpleName();
    int lambda = name.indexOf("$$Lambda");
    return lambda >= 0 ? "lambda provider (" + name.substring(0, lambda) + ")" : name;
  }
}
