package io.github.imsdk.core.internal.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with a cap and proportional jitter: the n-th delay (n from 0) is
 * {@code min(max, initial * multiplier^n)}, then reduced by a random fraction of at most {@code jitter}.
 *
 * <p>Jitter only shortens a delay, so the cap is never exceeded; it spreads the polls of many clients that
 * started together (e.g. a batch of deployments) instead of letting them hit IM in lock-step.
 *
 * @param initial the first delay
 * @param max the cap
 * @param multiplier growth per step, at least 1
 * @param jitter the largest fraction taken off a delay, in {@code [0, 1]}
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

  /** Checks the components. */
  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("backoff delays must not be negative: initial " + initial + ", max " + max);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff max " + max + " is shorter than initial " + initial);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("backoff multiplier must be a finite number >= 1, was " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
  }

  /**
   * Returns the delay before attempt {@code step + 1}.
   *
   * @param step how many delays came before this one (0 for the first)
   * @param random a source of numbers in {@code [0, 1)}
   */
  public Duration delay(int step, DoubleSupplier random) {
    double nominal = initial.toNanos() * Math.pow(multiplier, Math.max(0, step));
    double capped = Math.min(nominal, (double) max.toNanos());
    double jittered = capped * (1.0 - jitter * clamp(random.getAsDouble()));
    return Duration.ofNanos((long) jittered);
  }

  private static double clamp(double r) {
    return r < 0 ? 0 : Math.min(r, 1.0);
  }
}
