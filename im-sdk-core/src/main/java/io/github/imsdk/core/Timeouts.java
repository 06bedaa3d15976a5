package io.github.imsdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the client waits for one HTTP call to IM. These bound calls, not operations: a wait for an
 * infrastructure to be configured is bounded by {@link Wait}, and retries by {@link RetryPolicy}.
 *
 * <ul>
 *   <li>{@code connect}: to open the TCP/TLS connection;
 *   <li>{@code read}: from the start of the call to the start of the answer (its status and headers), except for
 *       the calls {@code longCall} bounds, whose answer starts only when the work is done;
 *   <li>{@code call}: the whole call, end to end: connect, send, headers and the complete body, however slowly
 *       the server delivers it. An answer still arriving then is cut and the call fails with
 *       {@link ImTransportException};
 *   <li>{@code longCall}: the same total for a create or destroy sent without {@code async}, which IM answers
 *       only once the cloud has done the work (minutes on a real cloud).
 * </ul>
 *
 * @param connect how long to wait for the TCP/TLS connection
 * @param read how long to wait for the answer to start
 * @param call the total bound of one call
 * @param longCall the total bound of one synchronous create or destroy
 */
public record Timeouts(Duration connect, Duration read, Duration call, Duration longCall) {

  /** The defaults: 10 s to connect, 5 min to read, 5 min per call, 30 min per synchronous create or destroy. */
  public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofMinutes(5),
      Duration.ofMinutes(5), Duration.ofMinutes(30));

  /**
   * Checks that the durations are positive and fit the transport (whole milliseconds up to about 24 days).
   *
   * @throws IllegalArgumentException if a duration is zero, negative or too long
   */
  public Timeouts {
    check("connect", connect);
    check("read", read);
    check("call", call);
    check("longCall", longCall);
  }

  /**
   * Returns timeouts with the given connect and read durations; a call may then last {@code connect + read} in
   * total (at least the default 5 minutes), a synchronous create or destroy at least 30 minutes.
   */
  public Timeouts(Duration connect, Duration read) {
    this(connect, read, max(DEFAULT.call, sum(connect, read)), max(DEFAULT.longCall, sum(connect, read)));
  }

  /** Returns timeouts with the given connect and read durations, as {@link #Timeouts(Duration, Duration)}. */
  public static Timeouts of(Duration connect, Duration read) {
    return new Timeouts(connect, read);
  }

  /** Returns a copy whose calls last at most {@code call} in total (synchronous creates keep their bound). */
  public Timeouts withCall(Duration call) {
    return new Timeouts(connect, read, call, longCall);
  }

  /** Returns a copy whose synchronous creates and destroys last at most {@code longCall} in total. */
  public Timeouts withLongCall(Duration longCall) {
    return new Timeouts(connect, read, call, longCall);
  }

  private static Duration sum(Duration a, Duration b) {
    return a == null || b == null ? null : a.plus(b);
  }

  private static Duration max(Duration a, Duration b) {
    return b == null || a.compareTo(b) >= 0 ? a : b;
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
