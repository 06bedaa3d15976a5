package io.github.imsdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the client waits to connect to IM and to read each answer.
 *
 * <p>The read timeout bounds one HTTP call, not an operation: a synchronous create or destroy can take minutes
 * on a real cloud, so the default read timeout is generous.
 *
 * @param connect how long to wait for the TCP/TLS connection
 * @param read how long to wait for the answer of one call
 */
public record Timeouts(Duration connect, Duration read) {

  /** The defaults: 10 s to connect, 5 min to read. */
  public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofMinutes(5));

  /**
   * Checks that both durations are positive and fit the transport (whole milliseconds up to about 24 days).
   *
   * @throws IllegalArgumentException if a duration is zero, negative or too long
   */
  public Timeouts {
    check("connect", connect);
    check("read", read);
  }

  /** Returns timeouts with the given connect and read durations. */
  public static Timeouts of(Duration connect, Duration read) {
    return new Timeouts(connect, read);
  }

  private static void check(String name, Duration d) {
    Objects.requireNonNull(d, name + " timeout");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " timeout must be positive, got " + d);
    }
    if (d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " timeout is too long (max " + Integer.MAX_VALUE + " ms): " + d);
    }
  }
}
