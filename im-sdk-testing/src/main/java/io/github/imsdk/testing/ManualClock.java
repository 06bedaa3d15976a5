package io.github.imsdk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when a test moves it, so an emulator's state transitions can be driven without
 * waiting. Thread-safe.
 *
 * <pre>{@code
 * var clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * try (var im = ImEmulator.builder().clock(clock).build()) {
 *   // create an infrastructure ... it is "pending"
 *   clock.advance(Duration.ofSeconds(3));   // now "configured" with the default timings
 * }
 * }</pre>
 */
public final class ManualClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Returns a clock standing at {@code start}, in UTC. */
  public static ManualClock startingAt(Instant start) {
    return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /** Returns a clock standing at the current system time, in UTC. */
  public static ManualClock startingNow() {
    return startingAt(Instant.now());
  }

  /**
   * Moves the clock forward.
   *
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public void advance(Duration step) {
    Objects.requireNonNull(step, "step");
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock cannot go back: step " + step);
    }
    now.updateAndGet(t -> t.plus(step));
  }

  /** Returns the current instant. */
  @Override
  public Instant instant() {
    return now.get();
  }

  /** Returns the zone. */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a view of this clock in {@code zone}; both move together. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new ManualClock(now, zone);
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + "]";
  }
}
