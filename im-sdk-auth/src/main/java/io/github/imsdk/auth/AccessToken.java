package io.github.imsdk.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token and, when known, the instant it expires.
 *
 * <p>{@link #toString()} never prints the token itself.
 *
 * @param value the token, as sent to the server
 * @param expiresAt when the token stops being valid, if known
 */
public record AccessToken(String value, Optional<Instant> expiresAt) {

  /** Checks the components. */
  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (value.isBlank()) {
      throw new IllegalArgumentException("an access token must not be blank");
    }
  }

  /** Returns a token whose expiry is unknown. */
  public static AccessToken of(String value) {
    return new AccessToken(value, Optional.empty());
  }

  /** Returns a token that expires at the given instant. */
  public static AccessToken of(String value, Instant expiresAt) {
    return new AccessToken(value, Optional.of(expiresAt));
  }

  /** Tells whether the token expires within {@code margin} of {@code now} (false when the expiry is unknown). */
  public boolean expiresWithin(java.time.Duration margin, Instant now) {
    return expiresAt.map(exp -> !now.plus(margin).isBefore(exp)).orElse(false);
  }

  @Override
  public String toString() {
    return "AccessToken[value=***, expiresAt=" + expiresAt.map(Instant::toString).orElse("unknown") + "]";
  }
}
