package io.github.imsdk.core.internal.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.core.ImForbiddenException;
import io.github.imsdk.core.ImNotFoundException;
import io.github.imsdk.core.ImResponseException;
import io.github.imsdk.core.ImServiceException;
import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Wait;
import io.github.imsdk.core.WaitProgress;
import io.github.imsdk.core.internal.retry.FakeTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaiterTest {
  private static final InfrastructureId ID = InfrastructureId.of("inf1");
  private static final String PATH = "/infrastructures/inf1/state";

  private final FakeTime time = new FakeTime();
  private final List<WaitProgress> events = new ArrayList<>();
  private final AtomicInteger contmsgCalls = new AtomicInteger();
  private final Supplier<String> contmsg = () -> {
    contmsgCalls.incrementAndGet();
    return "Contextualization log: TASK [docker] failed";
  };

  /** Each poll returns the next scripted reading: a state, or throws a scripted exception; the last repeats. */
  private static final class Script implements Supplier<InfrastructureState> {
    final Deque<Object> steps = new ArrayDeque<>();
    int calls;
    Object last;

    Script(Object... readings) {
      steps.addAll(List.of(readings));
    }

    @Override
    public InfrastructureState get() {
      calls++;
      Object step = steps.isEmpty() ? last : steps.poll();
      last = step;
      if (step instanceof RuntimeException e) {
        throw e;
      }
      return (InfrastructureState) step;
    }
  }

  static InfrastructureState infra(State state, State... vms) {
    Map<String, State> map = new LinkedHashMap<>();
    for (int i = 0; i < vms.length; i++) {
      map.put(String.valueOf(i), vms[i]);
    }
    return new InfrastructureState(state, state.wire(), map);
  }

  private WaitOutcome await(Wait wait, Script script) {
    WaitRun run = new WaitRun(wait, ID, "infrastructure inf1", contmsg, events::add, time, () -> 0.5);
    return Waiter.await(run, script, time);
  }

  private static Wait fast(Wait wait) {
    return wait.withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(20), 2.0).withJitter(0.0);
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void succeedsWhenConfiguredAfterPendingAndRunning() {
    // Given
    Script script = new Script(infra(State.PENDING, State.PENDING), infra(State.RUNNING, State.RUNNING),
        infra(State.CONFIGURED, State.CONFIGURED));

    // When
    WaitOutcome out = await(fast(Wait.configured()), script);

    // Then
    assertThat(out.polls()).isEqualTo(3);
    assertThat(out.lastState()).hasValueSatisfying(s -> assertThat(s.isConfigured()).isTrue());
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    assertThat(out.elapsed()).isEqualTo(Duration.ofSeconds(15));
    assertThat(contmsgCalls).hasValue(0);
  }

  @Test
  void aSingleUnconfiguredReadingIsNotAFailure() {
    // Given: IM in HA mode may say unconfigured right after a create (grycap/im#1479)
    Script script = new Script(infra(State.UNCONFIGURED), infra(State.RUNNING), infra(State.CONFIGURED));

    // When
    WaitOutcome out = await(fast(Wait.configured()), script);

    // Then
    assertThat(out.polls()).isEqualTo(3);
  }

  @Test
  void unconfiguredThenConfiguredSucceeds() {
    // Given
    Script script = new Script(infra(State.UNCONFIGURED, State.UNCONFIGURED),
        infra(State.CONFIGURED, State.CONFIGURED));

    // When
    WaitOutcome out = await(fast(Wait.configured()), script);

    // Then
    assertThat(out.polls()).isEqualTo(2);
  }

  @Test
  void unconfiguredConfirmedByASecondReadingFailsWithTheLogHead() {
    // Given
    Script script = new Script(infra(State.RUNNING, State.CONFIGURED, State.RUNNING),
        infra(State.UNCONFIGURED, State.CONFIGURED, State.UNCONFIGURED),
        infra(State.UNCONFIGURED, State.CONFIGURED, State.UNCONFIGURED), infra(State.CONFIGURED));

    // When / Then
    assertThatThrownBy(() -> await(fast(Wait.configured()).withContmsgHeadLength(24), script))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.FAILED);
          assertThat(e.polls()).isEqualTo(3);
          assertThat(e.lastState()).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(State.UNCONFIGURED));
          assertThat(e.vmStates()).containsEntry("0", State.CONFIGURED).containsEntry("1", State.UNCONFIGURED);
          assertThat(e.contmsgHead()).isEqualTo("Contextualization log: T");
          assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(15));
          assertThat(e.getMessage()).contains("infrastructure inf1", "configured", "failed",
              "unconfigured (read 2 times in a row)", "0=configured, 1=unconfigured", "contmsgHead()");
        });
    assertThat(script.calls).isEqualTo(3);
  }

  @Test
  void failedEndsTheWaitAtOnce() {
    // Given
    Script script = new Script(infra(State.PENDING), infra(State.FAILED, State.FAILED), infra(State.CONFIGURED));

    // When / Then
    assertThatThrownBy(() -> await(fast(Wait.configured()), script))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.FAILED);
          assertThat(e.polls()).isEqualTo(2);
          assertThat(e.contmsgHead()).contains("TASK [docker] failed");
        });
    assertThat(script.calls).isEqualTo(2);
  }

  @Test
  void threeUnknownReadingsFailLikeThePythonClient() {
    // Given
    Script script = new Script(infra(State.UNKNOWN), infra(State.UNKNOWN), infra(State.UNKNOWN),
        infra(State.CONFIGURED));

    // When / Then
    assertThatThrownBy(() -> await(fast(Wait.configured()), script))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.FAILED);
          assertThat(e.getMessage()).contains("3 unknown readings");
        });
    assertThat(script.calls).isEqualTo(3);
  }

  @Test
  void twoUnknownReadingsAreTolerated() {
    // Given
    Script script = new Script(infra(State.UNKNOWN), infra(State.UNKNOWN), infra(State.CONFIGURED));

    // When
    WaitOutcome out = await(fast(Wait.configured()), script);

    // Then
    assertThat(out.polls()).isEqualTo(3);
  }

  @Test
  void unknownReadingsCountOverTheWholeWaitNotOnlyInARow() {
    // Given
    Script script = new Script(infra(State.UNKNOWN), infra(State.RUNNING), infra(State.UNKNOWN),
        infra(State.RUNNING), infra(State.UNKNOWN), infra(State.CONFIGURED));

    // When / Then
    assertThatThrownBy(() -> await(fast(Wait.configured()), script)).isInstanceOf(ImWaitException.class);
    assertThat(script.calls).isEqualTo(5);
  }

  @Test
  void transportErrorsAnd5xxAndGarbledAnswersCountAsUnknownReadings() {
    // Given
    Script recovers = new Script(new ImTransportException("GET", PATH, "read timed out", null),
        new ImServiceException(503, "GET", PATH, "busy"), infra(State.CONFIGURED));
    Script fails = new Script(new ImTransportException("GET", PATH, "read timed out", null),
        new ImServiceException(502, "GET", PATH, "bad gateway"),
        new ImResponseException("GET", PATH, 200, "truncated JSON", null));

    // When
    WaitOutcome out = await(fast(Wait.configured()), recovers);

    // Then
    assertThat(out.polls()).isEqualTo(3);
    assertThatThrownBy(() -> await(fast(Wait.configured()), fails))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.FAILED);
          assertThat(e.getCause()).isInstanceOf(ImResponseException.class);
          assertThat(e.lastState()).isEmpty();
          assertThat(e.getMessage()).contains("no state could be read");
        });
  }

  @Test
  void aForbiddenAnswerEndsTheWaitAtOnce() {
    // Given
    Script script = new Script(infra(State.RUNNING), new ImForbiddenException(403, "GET", PATH, "not granted"));

    // When / Then
    assertThatThrownBy(() -> await(fast(Wait.configured()), script))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.ERROR);
          assertThat(e.getCause()).isInstanceOf(ImForbiddenException.class);
          assertThat(e.lastState()).isPresent();
        });
    assertThat(script.calls).isEqualTo(2);
  }

  @Test
  void notFoundWhileWaitingForConfiguredIsAnErrorWithoutFetchingTheLog() {
    // Given
    Script script = new Script(new ImNotFoundException(404, "GET", PATH, "Deleted infrastructure."));

    // When / Then
    assertThatThrownBy(() -> await(fast(Wait.configured()), script))
        .isInstanceOfSatisfying(ImWaitException.class,
            e -> assertThat(e.reason()).isEqualTo(ImWaitException.Reason.ERROR));
    assertThat(contmsgCalls).hasValue(0);
  }

  @Test
  void waitingForDeletionSucceedsOn404() {
    // Given
    Script script = new Script(infra(State.DELETING, State.DELETING), infra(State.DELETING, State.OFF),
        new ImNotFoundException(404, "GET", PATH, "Deleted infrastructure."));

    // When
    WaitOutcome out = await(fast(Wait.deleted()), script);

    // Then
    assertThat(out.polls()).isEqualTo(3);
    assertThat(out.lastState()).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(State.DELETING));
  }

  @Test
  void waitingForDeletionOfAnAlreadyDeletedInfrastructureSucceedsAtOnce() {
    // Given
    Script script = new Script(new ImNotFoundException(404, "GET", PATH, "Invalid infrastructure ID"));

    // When
    WaitOutcome out = await(fast(Wait.deleted()), script);

    // Then
    assertThat(out.polls()).isEqualTo(1);
    assertThat(out.lastState()).isEmpty();
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void timesOutWithAFinalPollAtTheDeadline() {
    // Given: pauses 5, 10, 20, 20 s would pass 40 s, so the last one is cut to the deadline
    Script script = new Script(infra(State.RUNNING, State.RUNNING));
    Wait wait = fast(Wait.configured()).withTimeout(Duration.ofSeconds(40));

    // When / Then
    assertThatThrownBy(() -> await(wait, script))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.TIMEOUT);
          assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(40));
          assertThat(e.polls()).isEqualTo(5); // at 0, 5, 15, 35 and 40 s
          assertThat(e.lastState()).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(State.RUNNING));
          assertThat(e.contmsgHead()).isNotEmpty();
          assertThat(e.getMessage()).contains("timed out after 40s (5 polls)");
        });
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
        Duration.ofSeconds(5));
  }

  @Test
  void jitterShortensPausesWithinItsFraction() {
    // Given
    Script script = new Script(infra(State.RUNNING), infra(State.RUNNING), infra(State.CONFIGURED));
    Wait wait = Wait.configured().withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0).withJitter(0.2);

    // When: the random source gives 0.5, so 10 % off
    await(wait, script);

    // Then
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(9), Duration.ofSeconds(9));
  }

  @Test
  void reportsEachStateChangeOfTheInfrastructureAndOfEachVmInOrder() {
    // Given
    Script script = new Script(infra(State.PENDING, State.PENDING), infra(State.PENDING, State.RUNNING,
        State.PENDING), infra(State.RUNNING, State.RUNNING, State.RUNNING), infra(State.RUNNING, State.RUNNING,
        State.RUNNING), infra(State.CONFIGURED, State.CONFIGURED, State.CONFIGURED));

    // When
    await(fast(Wait.configured()), script);

    // Then
    assertThat(events).extracting(WaitProgress::toString).containsExactly(
        "infrastructure: pending after 0ms",
        "VM 0: pending after 0ms",
        "VM 0: pending -> running after 5s",
        "VM 1: pending after 5s",
        "infrastructure: pending -> running after 15s",
        "VM 1: pending -> running after 15s",
        "infrastructure: running -> configured after 55s",
        "VM 0: running -> configured after 55s",
        "VM 1: running -> configured after 55s");
    assertThat(events.get(2).vmId()).contains("0");
    assertThat(events.get(2).previous()).contains(State.PENDING);
    assertThat(events.get(0).isInfrastructure()).isTrue();
  }

  @Test
  void aThrowingListenerDoesNotStopTheWait() {
    // Given
    Script script = new Script(infra(State.RUNNING), infra(State.CONFIGURED));
    WaitRun run = new WaitRun(fast(Wait.configured()), ID, "infrastructure inf1",
        contmsg, p -> {
      throw new IllegalStateException("listener bug");
    }, time, () -> 0.5);

    // When
    WaitOutcome out = Waiter.await(run, script, time);

    // Then
    assertThat(out.polls()).isEqualTo(2);
  }

  @Test
  void vmConditionsSucceedWhileTheInfrastructureIsStillRunning() {
    // Given: VM 1 does not exist at first
    Script script = new Script(infra(State.PENDING, State.RUNNING), infra(State.RUNNING, State.CONFIGURED,
        State.PENDING), infra(State.RUNNING, State.CONFIGURED, State.CONFIGURED));

    // When
    WaitOutcome front = await(fast(Wait.vms(State.CONFIGURED, "0")), new Script(infra(State.PENDING, State.RUNNING),
        infra(State.RUNNING, State.CONFIGURED, State.PENDING)));
    WaitOutcome both = await(fast(Wait.vms(State.CONFIGURED, "0", "1")), script);

    // Then
    assertThat(front.polls()).isEqualTo(2);
    assertThat(both.polls()).isEqualTo(3);
  }

  @Test
  void aFailedWatchedVmEndsTheWait() {
    // Given
    Script script = new Script(infra(State.RUNNING, State.RUNNING, State.FAILED));

    // When / Then
    assertThatThrownBy(() -> await(fast(Wait.vms(State.CONFIGURED, "1")), script))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.FAILED);
          assertThat(e.getMessage()).contains("VM 1 is failed");
        });
  }

  @Test
  void anUnwatchedFailedVmDoesNotEndAVmOnlyWait() {
    // Given: the infrastructure aggregates to failed because of VM 1; only VM 0 is watched
    Script script = new Script(infra(State.FAILED, State.RUNNING, State.FAILED),
        infra(State.FAILED, State.CONFIGURED, State.FAILED));

    // When
    WaitOutcome out = await(fast(Wait.vms(State.CONFIGURED, "0")), script);

    // Then
    assertThat(out.polls()).isEqualTo(2);
  }

  @Test
  void waitingForStoppedTreatsConfiguredAsProgressNotFailure() {
    // Given
    Script script = new Script(infra(State.CONFIGURED), infra(State.CONFIGURED), infra(State.CONFIGURED),
        infra(State.STOPPED));

    // When
    WaitOutcome out = await(fast(Wait.state(State.STOPPED)), script);

    // Then
    assertThat(out.polls()).isEqualTo(4);
  }

  @Test
  void interruptionWhileSleepingRestoresTheFlagAndThrowsWithoutFetchingTheLog() {
    // Given
    time.interruptOnSleep();
    Script script = new Script(infra(State.RUNNING));

    // When / Then
    assertThatThrownBy(() -> await(fast(Wait.configured()), script))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.INTERRUPTED);
          assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
          assertThat(e.lastState()).isPresent();
        });
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(contmsgCalls).hasValue(0);
    assertThat(script.calls).isEqualTo(1);
  }

  @Test
  void anAlreadyInterruptedThreadDoesNotPoll() {
    // Given
    Thread.currentThread().interrupt();
    Script script = new Script(infra(State.RUNNING));

    // When / Then
    assertThatThrownBy(() -> await(fast(Wait.configured()), script))
        .isInstanceOfSatisfying(ImWaitException.class,
            e -> assertThat(e.reason()).isEqualTo(ImWaitException.Reason.INTERRUPTED));
    assertThat(script.calls).isZero();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void aFailingLogFetchIsAttachedAndDoesNotHideTheWaitFailure() {
    // Given
    Script script = new Script(infra(State.FAILED));
    WaitRun run = new WaitRun(fast(Wait.configured()), ID, "infrastructure inf1",
        () -> {
      throw new ImTransportException("GET", "/infrastructures/inf1/contmsg", "connection reset", null);
    }, events::add, time, () -> 0.5);

    // When / Then
    assertThatThrownBy(() -> Waiter.await(run, script, time))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.contmsgHead()).isEmpty();
          assertThat(e.getSuppressed()).hasSize(1);
          assertThat(e.getSuppressed()[0]).isInstanceOf(ImTransportException.class);
        });
  }

  @Test
  void aNullReadingIsAProgrammingErrorNotAWaitFailure() {
    // Given
    Supplier<InfrastructureState> poll = () -> null;
    WaitRun run = new WaitRun(fast(Wait.configured()), ID, "infrastructure inf1",
        contmsg, null, time, () -> 0.5);

    // When / Then
    assertThatThrownBy(() -> Waiter.await(run, poll, time)).isInstanceOf(IllegalStateException.class);
  }
}
