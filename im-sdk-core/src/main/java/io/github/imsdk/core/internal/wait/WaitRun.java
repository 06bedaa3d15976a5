package io.github.imsdk.core.internal.wait;

import io.github.imsdk.ImException;
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
import io.github.imsdk.core.internal.retry.Backoff;
import io.github.imsdk.core.internal.retry.TimeSource;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One wait in progress: judges each reading of the infrastructure's state with the acceptors that a {@link Wait}
 * describes (success, failure, keep polling), counts {@code unknown} readings and confirmations, reports state
 * changes and decides how long to pause before the next poll.
 *
 * <p>It does no polling or sleeping of its own, so the same logic serves the blocking driver
 * ({@link Waiter#await}) and the scheduled one ({@link Waiter#start}). Not thread-safe: the drivers call it from one
 * thread at a time, each call happening-before the next.
 */
public final class WaitRun {
  private static final Logger LOG = LoggerFactory.getLogger(WaitRun.class);
  private static final String INFRA = "";
  /** Terminal states that end a wait for {@code configured} once confirmed. */
  private static final Set<State> CONFIRMED_FAILURES =
      EnumSet.of(State.UNCONFIGURED, State.STOPPED, State.OFF, State.DELETING);

  private final Wait wait;
  private final InfrastructureId id;
  private final String subject;
  private final Supplier<String> contmsg;
  private final Consumer<WaitProgress> listener;
  private final TimeSource time;
  private final DoubleSupplier random;
  private final Backoff backoff;
  private final long startNanos;
  private final long deadlineNanos;

  private int polls;
  private int unknowns;
  private int pauses;
  private InfrastructureState last;
  private final Map<String, Integer> confirming = new HashMap<>();
  private final Map<String, State> seen = new HashMap<>();

  /** What the drivers do next. */
  public sealed interface Decision permits Done, PollAgain {}

  /** The wait succeeded. */
  public record Done(WaitOutcome outcome) implements Decision {}

  /** Poll again after {@code delay}. */
  public record PollAgain(Duration delay) implements Decision {}

  /** One poll's result: a state, or the exception the poll threw. */
  public record Reading(InfrastructureState state, ImException error) {}

  /**
   * Starts a wait now (per {@code time}).
   *
   * @param wait the condition and timing
   * @param id the infrastructure waited on, or null when unknown (tests)
   * @param subject what is waited on, for messages, e.g. {@code "infrastructure 6b3d..."}
   * @param contmsg fetches the contextualization log when the wait fails; may throw
   * @param listener receives state changes; its exceptions are logged and ignored
   * @param time clocks and sleeping
   * @param random numbers in {@code [0, 1)} for jitter
   */
  public WaitRun(Wait wait, InfrastructureId id, String subject, Supplier<String> contmsg,
      Consumer<WaitProgress> listener, TimeSource time, DoubleSupplier random) {
    this.wait = Objects.requireNonNull(wait, "wait");
    this.id = id;
    this.subject = Objects.requireNonNull(subject, "subject");
    this.contmsg = Objects.requireNonNull(contmsg, "contmsg");
    this.listener = listener == null ? p -> { } : listener;
    this.time = Objects.requireNonNull(time, "time");
    this.random = Objects.requireNonNull(random, "random");
    this.backoff = new Backoff(wait.initialInterval(), wait.maxInterval(), wait.multiplier(), wait.jitter());
    this.startNanos = time.nanoTime();
    long timeoutNanos = saturatedNanos(wait.timeout());
    this.deadlineNanos = startNanos + timeoutNanos;
  }

  /** Calls {@code poll} once; an {@link ImException} becomes a reading, anything else propagates. */
  public Reading poll(Supplier<InfrastructureState> poll) {
    polls++;
    try {
      InfrastructureState state = poll.get();
      if (state == null) {
        throw new IllegalStateException("state poll returned null");
      }
      return new Reading(state, null);
    } catch (ImException e) {
      return new Reading(null, e);
    }
  }

  /**
   * Judges a reading.
   *
   * @throws ImWaitException if the reading is a failure, or the timeout passed
   */
  public Decision judge(Reading reading) {
    if (reading.error() != null) {
      Decision d = judgeError(reading.error());
      if (d != null) {
        return d;
      }
    } else {
      Decision d = judgeState(reading.state());
      if (d != null) {
        return d;
      }
    }
    long now = time.nanoTime();
    long remaining = deadlineNanos - now;
    if (remaining <= 0) {
      throw failure(ImWaitException.Reason.TIMEOUT, "the timeout of " + wait.timeout() + " passed",
          reading.error(), true);
    }
    Duration pause = backoff.delay(pauses++, random);
    if (pause.toNanos() > remaining) {
      pause = Duration.ofNanos(remaining);
    }
    return new PollAgain(pause);
  }

  /** Returns the exception to throw when the waiting thread was interrupted; the caller restores the flag. */
  public ImWaitException interrupted(Throwable cause) {
    return failure(ImWaitException.Reason.INTERRUPTED, "the waiting thread was interrupted", cause, false);
  }

  /** Returns the time since the wait started. */
  public Duration elapsed() {
    return Duration.ofNanos(time.nanoTime() - startNanos);
  }

  /** Returns how many polls were made. */
  public int polls() {
    return polls;
  }

  private Decision judgeError(ImException error) {
    if (error instanceof ImNotFoundException && wait.isDeletion()) {
      return done();
    }
    boolean tolerated = error instanceof ImTransportException || error instanceof ImResponseException
        || (error instanceof ImServiceException && ((ImServiceException) error).statusCode() >= 500);
    if (!tolerated) {
      throw failure(ImWaitException.Reason.ERROR, "polling the state failed: " + error.getMessage(), error,
          !(error instanceof ImNotFoundException));
    }
    LOG.debug("{}: poll {} failed, counted as an unknown reading: {}", subject, polls, error.getMessage());
    return countUnknown(error);
  }

  private Decision judgeState(InfrastructureState state) {
    last = state;
    report(state);
    State infra = state.state();
    Optional<State> target = wait.target();

    if (target.isPresent() || wait.isDeletion()) {
      if (infra == State.UNKNOWN) {
        Decision d = countUnknown(null);
        if (d != null) {
          return d;
        }
      }
    } else if (wait.vmTargets().keySet().stream().anyMatch(vm -> state.vmStates().get(vm) == State.UNKNOWN)) {
      Decision d = countUnknown(null);
      if (d != null) {
        return d;
      }
    }
    if (wait.isDeletion()) {
      return null;
    }

    boolean satisfied = true;
    if (target.isPresent()) {
      satisfied = check(INFRA, "the infrastructure", target.get(), infra);
    }
    for (Map.Entry<String, State> vm : wait.vmTargets().entrySet()) {
      State vmState = state.vmStates().get(vm.getKey());
      if (vmState == null) {
        satisfied = false; // not created yet
        continue;
      }
      satisfied &= check(vm.getKey(), "VM " + vm.getKey(), vm.getValue(), vmState);
    }
    return satisfied ? done() : null;
  }

  /** Returns whether {@code current} meets {@code target}; throws on a failure state. */
  private boolean check(String key, String name, State target, State current) {
    if (current == target) {
      confirming.remove(key);
      return true;
    }
    if (current == State.FAILED) {
      throw failure(ImWaitException.Reason.FAILED, name + " is failed", null, true);
    }
    if (target == State.CONFIGURED && CONFIRMED_FAILURES.contains(current)) {
      int count = confirming.merge(key, 1, Integer::sum);
      if (count >= wait.confirmations()) {
        throw failure(ImWaitException.Reason.FAILED, name + " is " + current.wire() + " (read " + count
            + (count == 1 ? " time)" : " times in a row)"), null, true);
      }
      LOG.debug("{}: {} is {}, waiting for confirmation ({} of {})", subject, name, current.wire(), count,
          wait.confirmations());
    } else {
      confirming.remove(key);
    }
    return false;
  }

  private Decision countUnknown(ImException error) {
    unknowns++;
    if (unknowns >= wait.unknownLimit()) {
      String detail = unknowns + (unknowns == 1 ? " unknown reading" : " unknown readings")
          + (error == null ? "" : ", the last one an error: " + error.getMessage());
      throw failure(ImWaitException.Reason.FAILED, detail, error, error == null || !isInterrupted());
    }
    return null;
  }

  private Done done() {
    return new Done(new WaitOutcome(Optional.ofNullable(last), elapsed(), polls));
  }

  private void report(InfrastructureState state) {
    Duration elapsed = elapsed();
    emit(elapsed, Optional.empty(), INFRA, state.state(), state);
    state.vmStates().forEach((vm, s) -> emit(elapsed, Optional.of(vm), vm, s, state));
  }

  private void emit(Duration elapsed, Optional<String> vmId, String key, State current, InfrastructureState snap) {
    // VM ids are numeric strings, so a prefix keeps them apart from the infrastructure's empty key.
    String mapKey = vmId.isPresent() ? "vm:" + key : key;
    State previous = seen.put(mapKey, current);
    if (previous == current) {
      return;
    }
    WaitProgress event = new WaitProgress(elapsed, vmId, Optional.ofNullable(previous), current, snap);
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      // A listener bug must not abandon a deployment that costs money; it is logged and the wait goes on.
      LOG.warn("{}: the progress listener threw on '{}'; ignored", subject, event, e);
    }
  }

  private ImWaitException failure(ImWaitException.Reason reason, String detail, Throwable cause,
      boolean fetchLog) {
    String head = "";
    RuntimeException logError = null;
    if (fetchLog && wait.contmsgHeadLength() > 0 && !isInterrupted()) {
      try {
        String log = contmsg.get();
        if (log != null) {
          head = log.length() > wait.contmsgHeadLength() ? log.substring(0, wait.contmsgHeadLength()) : log;
        }
      } catch (RuntimeException e) {
        logError = e;
      }
    }
    ImWaitException ex = new ImWaitException(reason, id, subject, wait.describe(), detail, last, elapsed(), polls,
        head, cause);
    if (logError != null) {
      ex.addSuppressed(logError);
    }
    return ex;
  }

  private static boolean isInterrupted() {
    return Thread.currentThread().isInterrupted();
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }
}
