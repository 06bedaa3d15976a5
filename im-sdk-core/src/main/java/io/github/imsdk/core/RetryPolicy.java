package io.github.imsdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client repeats a call that failed in a way that may heal: no usable answer (an
 * {@link ImTransportException}), or HTTP 429, 502, 503 or 504.
 *
 * <p>Only safe calls are repeated: reads ({@code GET}) and the {@code PUT}/{@code DELETE} calls that IM makes
 * idempotent. A call that creates something ({@code POST /infrastructures}, {@code POST /infrastructures/{id}})
 * is repeated only when the request provably never left this machine (connection refused, unknown host); once it
 * may have reached IM it is never repeated, and the exception says how to find what it may have created. A server
 * {@code Retry-After} header (seconds or an HTTP date) replaces the computed pause. No retry starts after
 * {@link #callDeadline()}.
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(6).callDeadline(Duration.ofMinutes(5)).build();
 * }</pre>
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration callDeadline;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.callDeadline = b.callDeadline;
  }

  /**
   * Returns the default policy: 4 attempts, pauses from 500 ms doubling up to 10 s with up to 50 % jitter, no
   * retry starting later than 2 minutes after the first attempt.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a policy that never repeats a call. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.multiplier = multiplier;
    b.jitter = jitter;
    b.callDeadline = callDeadline;
    return b;
  }

  /** Returns how many times a call is sent at most, the first time included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the pause before the second attempt. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Returns the longest computed pause (a server's {@code Retry-After} may ask for longer). */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Returns how much each pause grows over the previous one. */
  public double multiplier() {
    return multiplier;
  }

  /** Returns the largest fraction taken off a pause at random. */
  public double jitter() {
    return jitter;
  }

  /** Returns how long after the first attempt a retry may still start. */
  public Duration callDeadline() {
    return callDeadline;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts " + maxAttempts + ", backoff " + initialBackoff + ".." + maxBackoff + " x"
        + multiplier + ", jitter " + jitter + ", callDeadline " + callDeadline + "]";
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy p = (RetryPolicy) o;
    return maxAttempts == p.maxAttempts && initialBackoff.equals(p.initialBackoff)
        && maxBackoff.equals(p.maxBackoff) && Double.compare(multiplier, p.multiplier) == 0
        && Double.compare(jitter, p.jitter) == 0 && callDeadline.equals(p.callDeadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, callDeadline);
  }

  /** Builds a {@link RetryPolicy}; {@link #build()} checks the values. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private double multiplier = 2.0;
    private double jitter = 0.5;
    private Duration callDeadline = Duration.ofMinutes(2);

    private Builder() {}

    /** Sets how many times a call is sent at most, the first time included (1 disables retries). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Sets the first pause, the cap of the computed pauses and their growth factor. */
    public Builder backoff(Duration initial, Duration max, double multiplier) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      this.multiplier = multiplier;
      return this;
    }

    /** Sets the largest fraction, in {@code [0, 1]}, taken off a computed pause at random. */
    public Builder jitter(double jitter) {
      this.jitter = jitter;
      return this;
    }

    /** Sets how long after the first attempt a retry may still start. */
    public Builder callDeadline(Duration callDeadline) {
      this.callDeadline = callDeadline;
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws IllegalArgumentException naming the first invalid value
     */
    public RetryPolicy build() {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("RetryPolicy maxAttempts must be at least 1, was " + maxAttempts);
      }
      if (initialBackoff == null || maxBackoff == null || callDeadline == null) {
        throw new IllegalArgumentException("RetryPolicy backoff and callDeadline must not be null");
      }
      if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
        throw new IllegalArgumentException("RetryPolicy backoff must not be negative: initial " + initialBackoff
            + ", max " + maxBackoff);
      }
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("RetryPolicy max backoff " + maxBackoff + " is shorter than initial "
            + initialBackoff);
      }
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("RetryPolicy multiplier must be a finite number >= 1, was "
            + multiplier);
      }
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("RetryPolicy jitter must be between 0 and 1, was " + jitter);
      }
      if (callDeadline.isNegative()) {
        throw new IllegalArgumentException("RetryPolicy callDeadline must not be negative, was " + callDeadline);
      }
      return new RetryPolicy(this);
    }
  }
}
