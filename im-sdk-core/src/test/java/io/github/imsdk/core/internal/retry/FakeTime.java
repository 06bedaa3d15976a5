package io.github.imsdk.core.internal.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link TimeSource} whose sleeping only advances its clocks and records the pause, for tests. */
public final class FakeTime implements TimeSource {
  private long nanos = 1_000_000_000L;
  private Instant wall = Instant.parse("2026-11-21T21:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();
  private boolean interruptOnSleep;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return wall;
  }

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    if (interruptOnSleep || Thread.currentThread().isInterrupted()) {
      Thread.interrupted();
      throw new InterruptedException("fake interrupt");
    }
    sleeps.add(duration);
    advance(duration);
  }

  /** Moves both clocks forward, as time spent in a request would. */
  public synchronized void advance(Duration d) {
    nanos += d.toNanos();
    wall = wall.plus(d);
  }

  /** Makes the next sleep throw {@link InterruptedException}. */
  public synchronized void interruptOnSleep() {
    interruptOnSleep = true;
  }

  /** Returns every pause taken so far. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
