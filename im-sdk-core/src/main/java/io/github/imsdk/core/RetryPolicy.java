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
 *
 * <p>A policy is an immutable value, like every option of the SDK: the {@code with*} methods return a checked,
 * modified copy.
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.defaults().withMaxAttempts(6).withCallDeadline(Duration.ofMinutes(5));
 * }</pre>
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(10),
      2.0, 0.5, Duration.ofMinutes(2));
  private static final RetryPolicy NONE = DEFAULTS.withMaxAttempts(1);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration callDeadline;

  private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
      double jitter, Duration callDeadline) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.multiplier = multiplier;
    this.jitter = jitter;
    this.callDeadline = callDeadline;
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

  /**
   * Returns a copy that sends a call at most {@code maxAttempts} times, the first time included (1 disables
   * retries).
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
   */
  public RetryPolicy withMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("RetryPolicy maxAttempts must be at least 1, was " + maxAttempts);
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, callDeadline);
  }

  /**
   * Returns a copy with another first pause, cap of the computed pauses and growth factor.
   *
   * @throws IllegalArgumentException if a pause is null or negative, {@code max < initial}, or
   *     {@code multiplier} is not a finite number {@code >= 1}
   */
  public RetryPolicy withBackoff(Duration initial, Duration max, double multiplier) {
    if (initial == null || max == null) {
      throw new IllegalArgumentException("RetryPolicy backoff must not be null");
    }
    if (initial.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("RetryPolicy backoff must not be negative: initial " + initial
          + ", max " + max);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("RetryPolicy max backoff " + max + " is shorter than initial " + initial);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("RetryPolicy multiplier must be a finite number >= 1, was " + multiplier);
    }
    return new RetryPolicy(maxAttempts, initial, max, multiplier, jitter, callDeadline);
  }

  /**
   * Returns a copy that takes at most the fraction {@code jitter}, in {@code [0, 1]}, off a computed pause at
   * random.
   *
   * @throws IllegalArgumentException if {@code jitter} is outside {@code [0, 1]}
   */
  public RetryPolicy withJitter(double jitter) {
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("RetryPolicy jitter must be between 0 and 1, was " + jitter);
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, callDeadline);
  }

  /**
   * Returns a copy in which no retry starts later than {@code callDeadline} after the first attempt.
   *
   * @throws IllegalArgumentException if {@code callDeadline} is null or negative
   */
  public RetryPolicy withCallDeadline(Duration callDeadline) {
    if (callDeadline == null) {
      throw new IllegalArgumentException("RetryPolicy callDeadline must not be null");
    }
    if (callDeadline.isNegative()) {
      throw new IllegalArgumentException("RetryPolicy callDeadline must not be negative, was " + callDeadline);
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, callDeadline);
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
}
