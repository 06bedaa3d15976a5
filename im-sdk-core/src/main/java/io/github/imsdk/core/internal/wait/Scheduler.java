package io.github.imsdk.core.internal.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay; the seam that lets tests drive asynchronous waits step by step. */
@FunctionalInterface
public interface Scheduler {

  /** Runs {@code task} once after {@code delay}; the returned future cancels it. */
  Future<?> schedule(Runnable task, Duration delay);

  /** Returns a scheduler backed by {@code executor}. */
  static Scheduler of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return (task, delay) -> executor.schedule(task, Math.max(0L, delay.toNanos()), TimeUnit.NANOSECONDS);
  }
}
