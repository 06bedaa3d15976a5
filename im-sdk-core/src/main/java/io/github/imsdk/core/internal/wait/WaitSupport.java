package io.github.imsdk.core.internal.wait;

import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.Wait;
import io.github.imsdk.core.WaitProgress;
import io.github.imsdk.core.internal.retry.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waiting machinery one client shares among its handles: the clock, jitter, and the executor of asynchronous
 * operations, which is the caller's or a daemon one created on first use and shut down by {@link #close()}.
 *
 * <p>Asynchronous operations return futures whose cancellation stops the polling; {@link #close()} cancels the
 * ones still running, lets cleanup (destroy after a failed create-and-wait) finish, then stops the threads.
 */
public final class WaitSupport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WaitSupport.class);
  /** Prefix of the names of the threads this class creates. */
  public static final String THREAD_PREFIX = "im-sdk-async-";
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final TimeSource time;
  private final DoubleSupplier random;
  private final ScheduledExecutorService callerExecutor;
  private final Set<CompletableFuture<?>> active = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private ScheduledExecutorService owned;
  private boolean closed;

  /**
   * Creates the support.
   *
   * @param time clocks and sleeping
   * @param random numbers in {@code [0, 1)} for jitter
   * @param callerExecutor the caller's executor for asynchronous operations, or null to create a daemon one on
   *     first use (shut down by {@link #close()}; the caller's is not)
   */
  public WaitSupport(TimeSource time, DoubleSupplier random, ScheduledExecutorService callerExecutor) {
    this.time = Objects.requireNonNull(time, "time");
    this.random = Objects.requireNonNull(random, "random");
    this.callerExecutor = callerExecutor;
  }

  /** Returns support on the JVM's clock, with the caller's executor or null for an owned one. */
  public static WaitSupport system(ScheduledExecutorService callerExecutor) {
    return new WaitSupport(TimeSource.system(), () -> ThreadLocalRandom.current().nextDouble(), callerExecutor);
  }

  /** Returns the time source. */
  public TimeSource time() {
    return time;
  }

  /**
   * Waits on the calling thread.
   *
   * @throws ImWaitException on failure, timeout or interruption
   */
  public WaitOutcome await(Wait wait, InfrastructureId id, Supplier<InfrastructureState> poll,
      Supplier<String> contmsg, Consumer<WaitProgress> progress) {
    WaitRun run = new WaitRun(wait, id, "infrastructure " + id, contmsg, progress, time, random);
    return Waiter.await(run, poll, time);
  }

  /** Waits without holding a thread between polls; cancelling the future stops the polling. */
  public CompletableFuture<Void> start(Wait wait, InfrastructureId id, Supplier<InfrastructureState> poll,
      Supplier<String> contmsg, Consumer<WaitProgress> progress) {
    CompletableFuture<WaitOutcome> run = startRun(wait, id, poll, contmsg, progress);
    CompletableFuture<Void> result = new CompletableFuture<>();
    run.whenComplete((o, e) -> {
      if (e == null) {
        result.complete(null);
      } else {
        result.completeExceptionally(unwrap(e));
      }
    });
    // A dependent stage would not pass cancellation back to the run; this does.
    return track(result, () -> run.cancel(false));
  }

  private CompletableFuture<WaitOutcome> startRun(Wait wait, InfrastructureId id,
      Supplier<InfrastructureState> poll, Supplier<String> contmsg, Consumer<WaitProgress> progress) {
    WaitRun run = new WaitRun(wait, id, "infrastructure " + id, contmsg, progress, time, random);
    try {
      return Waiter.start(run, poll, Scheduler.of(executor()));
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the InfrastructureManager is closed, or its async executor is shut down; "
          + "cannot wait for infrastructure " + id, e);
    }
  }

  /**
   * Runs {@code first} (a blocking call) on the executor, then the asynchronous {@code then} with its result.
   * Cancelling the returned future cancels {@code then}'s future; a {@code first} already running completes, its
   * result is passed to {@code onAbandoned} (e.g. to destroy what it created) and nothing else runs.
   */
  public <A, T> CompletableFuture<T> chain(Supplier<A> first, Function<A, CompletableFuture<T>> then,
      Consumer<A> onAbandoned) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<T>> inner = new AtomicReference<>();
    AtomicReference<A> firstResult = new AtomicReference<>();
    AtomicBoolean abandoned = new AtomicBoolean();
    Runnable abandon = () -> {
      A a = firstResult.get();
      if (a != null && onAbandoned != null && abandoned.compareAndSet(false, true)) {
        onAbandoned.accept(a);
      }
    };
    track(result, () -> {
      CompletableFuture<T> i = inner.get();
      if (i != null) {
        i.cancel(false);
      }
      runOnExecutor(abandon);
    });
    runOnExecutor(() -> {
      if (result.isDone()) {
        return;
      }
      A a;
      try {
        a = first.get();
      } catch (Throwable t) {
        result.completeExceptionally(t);
        return;
      }
      firstResult.set(a);
      if (result.isDone()) {
        abandon.run(); // cancelled while the blocking call ran
        return;
      }
      CompletableFuture<T> next;
      try {
        next = then.apply(a);
      } catch (Throwable t) {
        result.completeExceptionally(t);
        return;
      }
      inner.set(next);
      next.whenComplete((v, e) -> {
        if (e == null) {
          result.complete(v);
        } else {
          result.completeExceptionally(unwrap(e));
        }
      });
      if (result.isCancelled()) {
        next.cancel(false);
      }
    }, result);
    return result;
  }

  /**
   * Runs the blocking {@code call} on the executor and completes with its result. Cancelling the future before the
   * call starts skips it; {@link #close()} cancels it like the other asynchronous operations.
   */
  public <T> CompletableFuture<T> supply(Supplier<T> call) {
    return chain(call, CompletableFuture::completedFuture, null);
  }

  /**
   * Starts a wait that completes with {@code value} and, if the wait fails, runs {@code onFailure} with the cause
   * (on the executor) before completing exceptionally with that cause. Cancelling the returned future stops the
   * polling without running {@code onFailure}.
   */
  public <T> CompletableFuture<T> startOrCleanUp(Wait wait, InfrastructureId id,
      Supplier<InfrastructureState> poll, Supplier<String> contmsg, Consumer<WaitProgress> progress, T value,
      Consumer<Throwable> onFailure) {
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<WaitOutcome> run = startRun(wait, id, poll, contmsg, progress);
    run.whenComplete((o, e) -> {
      if (e == null) {
        result.complete(value);
        return;
      }
      Throwable cause = unwrap(e);
      if (cause instanceof CancellationException) {
        result.cancel(false);
        return;
      }
      runOnExecutor(() -> {
        try {
          onFailure.accept(cause);
        } catch (RuntimeException cleanup) {
          if (cleanup != cause) {
            cause.addSuppressed(cleanup);
          }
        }
        result.completeExceptionally(cause);
      });
    });
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        run.cancel(false);
      }
    });
    return result;
  }

  private <T> CompletableFuture<T> track(CompletableFuture<T> future, Runnable onCancel) {
    active.add(future);
    future.whenComplete((v, e) -> {
      active.remove(future);
      if (onCancel != null && future.isCancelled()) {
        onCancel.run();
      }
    });
    return future;
  }

  private void runOnExecutor(Runnable task) {
    runOnExecutor(task, null);
  }

  private void runOnExecutor(Runnable task, CompletableFuture<?> failWith) {
    try {
      executor().execute(task);
    } catch (RejectedExecutionException e) {
      if (failWith != null) {
        failWith.completeExceptionally(new IllegalStateException(
            "the InfrastructureManager is closed, or its async executor is shut down", e));
      } else {
        task.run(); // cleanup must still happen when the executor is gone
      }
    }
  }

  /** Returns the executor of asynchronous operations, creating the owned one on first use. */
  public ScheduledExecutorService executor() {
    if (callerExecutor != null) {
      return callerExecutor;
    }
    synchronized (lock) {
      if (closed) {
        throw new RejectedExecutionException("the InfrastructureManager client is closed");
      }
      if (owned == null) {
        owned = newExecutor();
      }
      return owned;
    }
  }

  private static ScheduledExecutorService newExecutor() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, THREAD_PREFIX + pool + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    // Polls block in HTTP calls, so a few threads serve many waits; between polls no thread is held.
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, factory);
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /**
   * Cancels the asynchronous operations still running (which destroys what a cancelled create-and-wait created),
   * waits up to 30 s for running tasks, then stops the owned threads. The caller's executor is left running.
   */
  @Override
  public void close() {
    List<CompletableFuture<?>> running = new ArrayList<>(active);
    for (CompletableFuture<?> f : running) {
      f.cancel(false);
    }
    ScheduledExecutorService toStop;
    synchronized (lock) {
      closed = true;
      toStop = owned;
    }
    if (toStop == null) {
      return;
    }
    toStop.shutdown();
    try {
      if (!toStop.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("asynchronous IM operations did not finish within 30 s of close(); interrupting them");
        toStop.shutdownNow();
        toStop.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      toStop.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
