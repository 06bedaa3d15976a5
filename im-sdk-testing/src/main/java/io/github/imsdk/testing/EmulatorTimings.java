package io.github.imsdk.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the emulator's VMs stay in each transient state: {@code pending} for {@link #pending()}, then
 * {@code running} while contextualization runs for {@link #configure()}, then {@code configured}. A template
 * that switches contextualization off ({@code contextualize ()}, or TOSCA without configure interfaces) skips the
 * second phase, as IM does.
 *
 * @param pending time from creation until the VM runs
 * @param configure time contextualization takes once the VM runs
 */
public record EmulatorTimings(Duration pending, Duration configure) {

  /** Checks that both durations are present and not negative. */
  public EmulatorTimings {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(configure, "configure");
    if (pending.isNegative() || configure.isNegative()) {
      throw new IllegalArgumentException("emulator timings must not be negative: pending=" + pending
          + ", configure=" + configure);
    }
  }

  /** Returns timings where every VM is {@code configured} as soon as it exists. */
  public static EmulatorTimings instant() {
    return new EmulatorTimings(Duration.ZERO, Duration.ZERO);
  }

  /** Returns the default timings: 1 s pending, 2 s configuring; a demo reaches {@code configured} in 3 s. */
  public static EmulatorTimings demo() {
    return new EmulatorTimings(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  /** Returns the given timings. */
  public static EmulatorTimings of(Duration pending, Duration configure) {
    return new EmulatorTimings(pending, configure);
  }
}
