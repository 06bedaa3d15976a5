package io.github.imsdk.core.internal.retry;

import java.time.Duration;
import java.time.Instant;

/**
 * The clocks and the sleeping used by the waiter and the retry engine, injectable so that tests never sleep for
 * real: {@link #nanoTime()} measures elapsed time and deadlines, {@link #now()} is the wall clock used to read
 * HTTP dates in {@code Retry-After}.
 */
public interface TimeSource {

  /** Returns a monotonic time in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Returns the wall-clock time. */
  Instant now();

  /**
   * Blocks the calling thread for {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted while sleeping
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns the time source of the running JVM. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }

  /** The JVM's clocks; {@link Thread#sleep(long, int)} for sleeping. */
  enum SystemTimeSource implements TimeSource {
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      if (duration.isNegative() || duration.isZero()) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        return;
      }
      long nanos = duration.toNanos();
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }
  }
}
