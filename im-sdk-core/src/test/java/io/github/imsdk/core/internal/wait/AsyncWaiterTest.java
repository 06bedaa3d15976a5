package io.github.imsdk.core.internal.wait;

import static io.github.imsdk.core.internal.wait.WaiterTest.infra;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Wait;
import io.github.imsdk.core.internal.retry.FakeTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AsyncWaiterTest {
  private static final InfrastructureId ID = InfrastructureId.of("inf1");

  /** Queues tasks; {@link #runNext()} advances the fake clock by the task's delay and runs it. */
  private static final class ManualScheduler implements Scheduler {
    final FakeTime time;
    final Deque<FutureTask<?>> tasks = new ArrayDeque<>();
    final Deque<Duration> delays = new ArrayDeque<>();
    final List<Duration> scheduled = new ArrayList<>();

    ManualScheduler(FakeTime time) {
      this.time = time;
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
      FutureTask<?> f = new FutureTask<>(task, null);
      tasks.add(f);
      delays.add(delay);
      scheduled.add(delay);
      return f;
    }

    boolean runNext() {
      FutureTask<?> t = tasks.poll();
      if (t == null) {
        return false;
      }
      time.advance(delays.poll());
      t.run();
      return true;
    }

    int runAll() {
      int n = 0;
      while (runNext()) {
        n++;
      }
      return n;
    }
  }

  private final FakeTime time = new FakeTime();
  private final ManualScheduler scheduler = new ManualScheduler(time);
  private final AtomicInteger polls = new AtomicInteger();

  private Supplier<InfrastructureState> script(InfrastructureState... readings) {
    Deque<InfrastructureState> q = new ArrayDeque<>(List.of(readings));
    return () -> {
      polls.incrementAndGet();
      return q.size() > 1 ? q.poll() : q.peek();
    };
  }

  private static Wait fast() {
    return Wait.configured().withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(20), 2.0).withJitter(0.0);
  }

  @Test
  void completesWithTheOutcomeWithoutHoldingAThreadBetweenPolls() {
    // Given
    WaitRun run = new WaitRun(fast(), ID, "infrastructure inf1",
        () -> "", null, time, () -> 0.5);

    // When
    CompletableFuture<WaitOutcome> future = Waiter.start(run,
        script(infra(State.PENDING), infra(State.RUNNING), infra(State.CONFIGURED)), scheduler);
    int ran = scheduler.runAll();

    // Then
    assertThat(future).isCompleted();
    assertThat(future.join().polls()).isEqualTo(3);
    assertThat(ran).isEqualTo(3);
    assertThat(scheduler.scheduled).containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @Test
  void completesExceptionallyWithTheWaitFailure() {
    // Given
    WaitRun run = new WaitRun(fast(), ID, "infrastructure inf1",
        () -> "log", null, time, () -> 0.5);

    // When
    CompletableFuture<WaitOutcome> future = Waiter.start(run, script(infra(State.RUNNING), infra(State.FAILED)),
        scheduler);
    scheduler.runAll();

    // Then
    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(ImWaitException.class,
            w -> assertThat(w.reason()).isEqualTo(ImWaitException.Reason.FAILED));
    assertThat(polls).hasValue(2);
  }

  @Test
  void cancellingStopsThePolling() {
    // Given
    WaitRun run = new WaitRun(fast(), ID, "infrastructure inf1",
        () -> "", null, time, () -> 0.5);
    CompletableFuture<WaitOutcome> future = Waiter.start(run, script(infra(State.RUNNING)), scheduler);
    scheduler.runNext();
    scheduler.runNext();

    // When
    future.cancel(true);
    int ranAfterCancel = scheduler.runAll();

    // Then: the queued poll was cancelled, so it did nothing when its time came
    assertThat(polls).hasValue(2);
    assertThat(ranAfterCancel).isEqualTo(1);
    assertThat(future).isCancelled();
  }

  @Test
  void cancellingWhileARequestIsInFlightIgnoresItsResultAndSchedulesNothing() {
    // Given: the poll itself cancels the future, as a caller on another thread could during the request
    AtomicInteger events = new AtomicInteger();
    CompletableFuture<?>[] holder = new CompletableFuture<?>[1];
    Supplier<InfrastructureState> poll = () -> {
      polls.incrementAndGet();
      holder[0].cancel(true);
      return infra(State.RUNNING);
    };
    WaitRun run = new WaitRun(fast(), ID, "infrastructure inf1",
        () -> "", p -> events.incrementAndGet(), time,
        () -> 0.5);

    // When
    holder[0] = Waiter.start(run, poll, scheduler);
    scheduler.runAll();

    // Then
    assertThat(polls).hasValue(1);
    assertThat(events).hasValue(0);
    assertThat(scheduler.scheduled).hasSize(1);
  }
}
