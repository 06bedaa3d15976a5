package io.github.imsdk.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the emulator's VMs stay in each transient state, and how long IM's busy windows last.
 *
 * <p>A VM stays {@code pending} for {@link #pending()}, then {@code running} while contextualization runs for
 * {@link #configure()}, then {@code configured}. A template that switches contextualization off
 * ({@code contextualize ()}, or TOSCA without configure interfaces) skips the second phase, as IM does.
 *
 * <p>Two windows imitate IM's threads. For {@link #adding()} after an asynchronous create
 * ({@code POST /infrastructures?async=1}) IM is still launching the VMs: a {@code DELETE} of the infrastructure
 * answers 409 {@code Invalid State to perform this operation.}, and IM 1.19.2 lists no VM yet (IM's window is
 * 10-30 ms with its Dummy connector). For {@link #deleting()} after an asynchronous destroy
 * ({@code DELETE ...?async=1}) the infrastructure still answers, in state {@code deleting}, before it is gone.
 *
 * @param pending time from creation until the VM runs
 * @param configure time contextualization takes once the VM runs
 * @param adding time after an asynchronous create during which a destroy answers 409
 * @param deleting time after an asynchronous destroy during which the infrastructure is still {@code deleting}
 */
public record EmulatorTimings(Duration pending, Duration configure, Duration adding, Duration deleting) {

  /** Checks that every duration is present and not negative. */
  public EmulatorTimings {
    check(pending, "pending");
    check(configure, "configure");
    check(adding, "adding");
    check(deleting, "deleting");
  }

  private static void check(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException("emulator timing '" + name + "' must not be negative: " + d);
    }
  }

  /** Returns timings where every VM is {@code configured} as soon as it exists and IM is never busy. */
  public static EmulatorTimings instant() {
    return new EmulatorTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Returns timings for test suites: VMs run after 20 ms and are configured 30 ms later, and IM's busy windows
   * last 20 ms (409 on a destroy right after an asynchronous create) and 20 ms ({@code deleting}), as on a real
   * IM with the Dummy connector. A wait that polls every few milliseconds sees every state.
   */
  public static EmulatorTimings fast() {
    return new EmulatorTimings(Duration.ofMillis(20), Duration.ofMillis(30), Duration.ofMillis(20),
        Duration.ofMillis(20));
  }

  /**
   * Returns the default timings: 1 s pending, 2 s configuring (a demo reaches {@code configured} in 3 s), and
   * IM's busy windows of 30 ms after an asynchronous create and 500 ms after an asynchronous destroy.
   */
  public static EmulatorTimings demo() {
    return new EmulatorTimings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(30),
        Duration.ofMillis(500));
  }

  /** Returns the given VM timings, with no busy windows (use {@link #withAdding}, {@link #withDeleting}). */
  public static EmulatorTimings of(Duration pending, Duration configure) {
    return new EmulatorTimings(pending, configure, Duration.ZERO, Duration.ZERO);
  }

  /** Returns a copy with another {@link #pending()} time. */
  public EmulatorTimings withPending(Duration d) {
    return new EmulatorTimings(d, configure, adding, deleting);
  }

  /** Returns a copy with another {@link #configure()} time. */
  public EmulatorTimings withConfigure(Duration d) {
    return new EmulatorTimings(pending, d, adding, deleting);
  }

  /** Returns a copy with another {@link #adding()} window (409 on a destroy right after an asynchronous create). */
  public EmulatorTimings withAdding(Duration d) {
    return new EmulatorTimings(pending, configure, d, deleting);
  }

  /** Returns a copy with another {@link #deleting()} window (after an asynchronous destroy). */
  public EmulatorTimings withDeleting(Duration d) {
    return new EmulatorTimings(pending, configure, adding, d);
  }
}
