package io.github.imsdk.auth.internal.token;

import io.github.imsdk.auth.AccessToken;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.auth.TokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps the token of another provider until {@code margin} before it expires.
 *
 * <p>A token of unknown expiry is kept until {@link #invalidate()}: the client invalidates after the server
 * rejected a token, so a stale one costs one retried request. The fast path is one volatile read and one clock
 * read; only a refresh takes the lock, so concurrent callers never fetch twice for the same expiry.
 */
public final class CachingTokenProvider implements TokenProvider {

  private final TokenProvider delegate;
  private final Duration margin;
  private final Clock clock;
  private final Object lock = new Object();
  private volatile Entry cached;

  /** A token and the clock millis at which it must be replaced ({@code Long.MAX_VALUE}: expiry unknown). */
  private record Entry(AccessToken token, long refreshAtMillis) {}

  /** Wraps {@code delegate}, refreshing {@code margin} before expiry as measured by {@code clock}. */
  public CachingTokenProvider(TokenProvider delegate, Duration margin, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.margin = Objects.requireNonNull(margin, "margin");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (margin.isNegative()) {
      throw new IllegalArgumentException("the refresh margin must not be negative, got " + margin);
    }
  }

  @Override
  public AccessToken token() {
    // Fast path: one volatile read, one clock read, no allocation.
    Entry e = cached;
    if (e != null && clock.millis() < e.refreshAtMillis) {
      return e.token;
    }
    synchronized (lock) {
      e = cached;
      if (e != null && clock.millis() < e.refreshAtMillis) {
        return e.token;
      }
      AccessToken fetched = delegate.token();
      if (fetched == null) {
        throw new ImCredentialsException(Tokens.describe(delegate) + " returned no token");
      }
      AccessToken t = Tokens.withExpiry(fetched);
      long refreshAt = t.expiresAt().map(exp -> exp.minus(margin).toEpochMilli()).orElse(Long.MAX_VALUE);
      cached = new Entry(t, refreshAt);
      return t;
    }
  }

  @Override
  public void invalidate() {
    synchronized (lock) {
      cached = null;
    }
    delegate.invalidate();
  }

  /** Returns the wrapped provider. */
  public TokenProvider delegate() {
    return delegate;
  }

  @Override
  public String toString() {
    return Tokens.describe(delegate) + " (cached, refreshed " + margin.toSeconds() + " s before expiry)";
  }
}
