package io.github.imsdk.core.internal.wait;

import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.InfrastructureState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The two drivers of a {@link WaitRun}: blocking on the caller's thread, or scheduled without holding a thread. */
public final class Waiter {

  private Waiter() {}

  /**
   * Polls on the calling thread until the run succeeds, sleeping with the run's time source between polls.
   *
   * @throws ImWaitException on failure, timeout or interruption (the interrupt flag is then set again)
   */
  public static WaitOutcome await(WaitRun run, Supplier<InfrastructureState> poll,
      io.github.imsdk.core.internal.retry.TimeSource time) {
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw run.interrupted(null);
      }
      WaitRun.Reading reading = run.poll(poll);
      if (reading.error() != null && Thread.currentThread().isInterrupted()) {
        // An interrupted HTTP read surfaces as a transport error; the interrupt is what matters.
        throw run.interrupted(reading.error());
      }
      WaitRun.Decision decision = run.judge(reading);
      if (decision instanceof WaitRun.Done done) {
        return done.outcome();
      }
      Duration pause = ((WaitRun.PollAgain) decision).delay();
      try {
        time.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw run.interrupted(e);
      }
    }
  }

  /**
   * Polls with {@code scheduler}: the first poll at once, each next one after the run's pause, no thread held in
   * between. The future completes with the outcome, or exceptionally with an {@link ImWaitException}; cancelling
   * it cancels the next scheduled poll and ignores the result of one already running, so no further request is
   * sent.
   */
  public static CompletableFuture<WaitOutcome> start(WaitRun run, Supplier<InfrastructureState> poll,
      Scheduler scheduler) {
    CompletableFuture<WaitOutcome> result = new CompletableFuture<>();
    AtomicReference<Future<?>> next = new AtomicReference<>();
    Runnable tick = new Runnable() {
      @Override
      public void run() {
        if (result.isDone()) {
          return;
        }
        try {
          WaitRun.Reading reading = run.poll(poll);
          if (result.isDone()) {
            return; // cancelled while the request was in flight: no event, no further poll
          }
          WaitRun.Decision decision = run.judge(reading);
          if (decision instanceof WaitRun.Done done) {
            result.complete(done.outcome());
            return;
          }
          if (!result.isDone()) {
            next.set(scheduler.schedule(this, ((WaitRun.PollAgain) decision).delay()));
            if (result.isDone()) {
              next.get().cancel(false); // lost a race with cancel()
            }
          }
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      }
    };
    result.whenComplete((value, error) -> {
      Future<?> pending = next.get();
      if (pending != null) {
        pending.cancel(false);
      }
    });
    next.set(scheduler.schedule(tick, Duration.ZERO));
    return result;
  }
}
