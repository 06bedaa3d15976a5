package io.github.imsdk.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to wait for and how patiently: the condition, the overall timeout and the polling backoff of a wait on an
 * infrastructure, which polls {@code GET /infrastructures/{id}/state}.
 *
 * <p>A {@code Wait} is an immutable value: the {@code with*} methods return a modified copy (their names differ
 * from the getters', so a copy whose result is dropped does not read like a setter), e.g.
 * <pre>{@code
 * inf.waitUntil(Wait.configured().withTimeout(Duration.ofHours(1)), p -> log.info("{}", p));
 * inf.waitUntil(Wait.deleted());
 * }</pre>
 *
 * <h2>How a reading is judged</h2>
 * <ul>
 *   <li>The wait succeeds when the infrastructure is in the target state and every VM condition added with
 *       {@link #withVm(String, State)} holds; {@link #deleted()} succeeds when IM answers 404.</li>
 *   <li>{@code failed} ends the wait at once with an {@link ImWaitException}.</li>
 *   <li>When the target is {@code configured}, the terminal states {@code unconfigured}, {@code stopped},
 *       {@code off} and {@code deleting} end the wait only after {@link #withConfirmations(int)} consecutive readings
 *       (default 2): IM in HA mode can report {@code unconfigured} right after a create (grycap/im#1479).</li>
 *   <li>{@code unknown} is transient: the wait fails on the {@link #withUnknownLimit(int)}-th {@code unknown} reading
 *       (default 3), counted over the whole wait, not necessarily consecutive, as the Python {@code im_client}
 *       counts. A transport error, a garbled answer or an HTTP 5xx while polling counts as an {@code unknown}
 *       reading; any other error (401, 403, 404 when not waiting for deletion, ...) ends the wait at once.</li>
 *   <li>{@code pending}, {@code running} and any other state keep the wait polling until the timeout.</li>
 * </ul>
 *
 * <p>The first poll is immediate; the following ones are spaced by an exponential backoff with jitter
 * ({@link #withBackoff(Duration, Duration, double)}, {@link #withJitter(double)}); the last poll happens at the timeout.
 */
public final class Wait {

  /** Default overall timeout of {@link #configured()} and {@link #state(State)}: IM allows 30 min to boot plus 2 h to contextualize. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(3);
  /** Default overall timeout of {@link #deleted()}. */
  public static final Duration DEFAULT_DELETE_TIMEOUT = Duration.ofMinutes(30);

  private final State target; // null: only VM conditions, or deletion
  private final boolean deletion;
  private final Map<String, State> vmTargets;
  private final Duration timeout;
  private final Duration initialInterval;
  private final Duration maxInterval;
  private final double multiplier;
  private final double jitter;
  private final int unknownLimit;
  private final int confirmations;
  private final int contmsgHeadLength;

  private Wait(State target, boolean deletion, Map<String, State> vmTargets, Duration timeout,
      Duration initialInterval, Duration maxInterval, double multiplier, double jitter, int unknownLimit,
      int confirmations, int contmsgHeadLength) {
    this.target = target;
    this.deletion = deletion;
    this.vmTargets = Collections.unmodifiableMap(new LinkedHashMap<>(vmTargets));
    this.timeout = timeout;
    this.initialInterval = initialInterval;
    this.maxInterval = maxInterval;
    this.multiplier = multiplier;
    this.jitter = jitter;
    this.unknownLimit = unknownLimit;
    this.confirmations = confirmations;
    this.contmsgHeadLength = contmsgHeadLength;
  }

  private static Wait base(State target, boolean deletion, Duration timeout) {
    return new Wait(target, deletion, Map.of(), timeout, Duration.ofSeconds(5), Duration.ofSeconds(60), 1.5, 0.2,
        3, 2, 4000);
  }

  /** Returns a wait until the infrastructure is {@code configured}: every VM running and contextualized. */
  public static Wait configured() {
    return base(State.CONFIGURED, false, DEFAULT_TIMEOUT);
  }

  /**
   * Returns a wait until the infrastructure is in {@code target}, e.g. {@link State#STOPPED} after a stop. For a
   * target other than {@code configured} only {@code failed} ends the wait early.
   *
   * @throws IllegalArgumentException if {@code target} is {@code unknown} or {@code failed}, which cannot be waited for
   */
  public static Wait state(State target) {
    return base(checkTarget(target, "infrastructure"), false, DEFAULT_TIMEOUT);
  }

  /**
   * Returns a wait that ignores the infrastructure's aggregated state and succeeds when every VM in
   * {@code vmIds} is in {@code target}, e.g. the front-end of a cluster whose workers are still booting.
   *
   * @throws IllegalArgumentException if no VM id is given, an id is blank, or the target cannot be waited for
   */
  public static Wait vms(State target, String... vmIds) {
    Objects.requireNonNull(vmIds, "vmIds");
    if (vmIds.length == 0) {
      throw new IllegalArgumentException("Wait.vms needs at least one VM id");
    }
    Wait wait = base(null, false, DEFAULT_TIMEOUT);
    for (String vmId : vmIds) {
      wait = wait.withVm(vmId, target);
    }
    return wait;
  }

  /**
   * Returns a wait until the infrastructure is gone: {@code GET .../state} answers 404. Any state keeps the wait
   * polling; use it after {@code DELETE /infrastructures/{id}?async=true}.
   */
  public static Wait deleted() {
    return base(null, true, DEFAULT_DELETE_TIMEOUT);
  }

  /**
   * Returns a copy that also requires VM {@code vmId} to be in {@code target}; {@code failed} on that VM ends the
   * wait, and for a {@code configured} target so do confirmed {@code unconfigured}, {@code stopped}, {@code off}
   * and {@code deleting}. A VM that does not exist yet keeps the wait polling.
   *
   * @throws IllegalArgumentException if the id is blank, the target cannot be waited for, or this is {@link #deleted()}
   */
  public Wait withVm(String vmId, State target) {
    Objects.requireNonNull(vmId, "vmId");
    if (vmId.isBlank()) {
      throw new IllegalArgumentException("VM id must not be blank");
    }
    if (deletion) {
      throw new IllegalArgumentException("Wait.deleted() takes no VM condition (VM " + vmId + ")");
    }
    Map<String, State> copy = new LinkedHashMap<>(vmTargets);
    copy.put(vmId, checkTarget(target, "VM " + vmId));
    return new Wait(this.target, deletion, copy, timeout, initialInterval, maxInterval, multiplier, jitter,
        unknownLimit, confirmations, contmsgHeadLength);
  }

  /**
   * Returns a copy with another overall timeout, measured from the start of the wait.
   *
   * @throws IllegalArgumentException if the timeout is zero or negative
   */
  public Wait withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("wait timeout must be positive, was " + timeout);
    }
    return new Wait(target, deletion, vmTargets, timeout, initialInterval, maxInterval, multiplier, jitter,
        unknownLimit, confirmations, contmsgHeadLength);
  }

  /**
   * Returns a copy with another polling backoff: the n-th pause is {@code min(max, initial * multiplier^n)} minus
   * jitter. Defaults: 5 s, 60 s, 1.5. {@code withBackoff(d, d, 1)} polls at a fixed interval.
   *
   * @throws IllegalArgumentException if an interval is negative, {@code max < initial}, or {@code multiplier < 1}
   */
  public Wait withBackoff(Duration initial, Duration max, double multiplier) {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("poll intervals must not be negative: initial " + initial + ", max " + max);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max poll interval " + max + " is shorter than initial " + initial);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("backoff multiplier must be a finite number >= 1, was " + multiplier);
    }
    return new Wait(target, deletion, vmTargets, timeout, initial, max, multiplier, jitter, unknownLimit,
        confirmations, contmsgHeadLength);
  }

  /**
   * Returns a copy whose pauses are shortened by a random fraction of at most {@code fraction} (default 0.2), so
   * that many waits started together do not poll IM in lock-step.
   *
   * @throws IllegalArgumentException if the fraction is outside {@code [0, 1]}
   */
  public Wait withJitter(double fraction) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + fraction);
    }
    return new Wait(target, deletion, vmTargets, timeout, initialInterval, maxInterval, multiplier, fraction,
        unknownLimit, confirmations, contmsgHeadLength);
  }

  /**
   * Returns a copy that fails on the {@code limit}-th {@code unknown} reading (default 3).
   *
   * @throws IllegalArgumentException if the limit is less than 1
   */
  public Wait withUnknownLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("unknown limit must be at least 1, was " + limit);
    }
    return new Wait(target, deletion, vmTargets, timeout, initialInterval, maxInterval, multiplier, jitter, limit,
        confirmations, contmsgHeadLength);
  }

  /**
   * Returns a copy that needs {@code readings} consecutive readings of a terminal non-target state (such as
   * {@code unconfigured}) before failing (default 2; 1 fails on the first such reading).
   *
   * @throws IllegalArgumentException if {@code readings} is less than 1
   */
  public Wait withConfirmations(int readings) {
    if (readings < 1) {
      throw new IllegalArgumentException("confirmations must be at least 1, was " + readings);
    }
    return new Wait(target, deletion, vmTargets, timeout, initialInterval, maxInterval, multiplier, jitter,
        unknownLimit, readings, contmsgHeadLength);
  }

  /**
   * Returns a copy that keeps at most {@code chars} characters of the contextualization log in an
   * {@link ImWaitException} (default 4000; 0 does not fetch the log).
   *
   * @throws IllegalArgumentException if {@code chars} is negative
   */
  public Wait withContmsgHeadLength(int chars) {
    if (chars < 0) {
      throw new IllegalArgumentException("contmsg head length must not be negative, was " + chars);
    }
    return new Wait(target, deletion, vmTargets, timeout, initialInterval, maxInterval, multiplier, jitter,
        unknownLimit, confirmations, chars);
  }

  /** Returns the state the infrastructure must reach; empty for {@link #deleted()} and {@link #vms(State, String...)}. */
  public Optional<State> target() {
    return Optional.ofNullable(target);
  }

  /** Tells whether this waits for the infrastructure to be deleted (404). */
  public boolean isDeletion() {
    return deletion;
  }

  /** Returns the VM conditions: VM id to required state, in the order they were added. */
  public Map<String, State> vmTargets() {
    return vmTargets;
  }

  /** Returns the overall timeout. */
  public Duration timeout() {
    return timeout;
  }

  /** Returns the first pause between polls. */
  public Duration initialInterval() {
    return initialInterval;
  }

  /** Returns the longest pause between polls. */
  public Duration maxInterval() {
    return maxInterval;
  }

  /** Returns how much each pause grows over the previous one. */
  public double multiplier() {
    return multiplier;
  }

  /** Returns the largest fraction taken off a pause at random. */
  public double jitter() {
    return jitter;
  }

  /** Returns on which {@code unknown} reading the wait fails. */
  public int unknownLimit() {
    return unknownLimit;
  }

  /** Returns how many consecutive readings confirm a terminal non-target state. */
  public int confirmations() {
    return confirmations;
  }

  /** Returns how many characters of the contextualization log a failure keeps. */
  public int contmsgHeadLength() {
    return contmsgHeadLength;
  }

  /** Returns a short description of the condition, e.g. {@code configured} or {@code deleted}. */
  public String describe() {
    if (deletion) {
      return "deleted";
    }
    StringBuilder sb = new StringBuilder();
    if (target != null) {
      sb.append(target.wire());
    }
    vmTargets.forEach((vm, state) -> {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append("VM ").append(vm).append(' ').append(state.wire());
    });
    return sb.toString();
  }

  private static State checkTarget(State target, String subject) {
    Objects.requireNonNull(target, "target");
    if (target == State.UNKNOWN || target == State.FAILED) {
      throw new IllegalArgumentException("cannot wait for " + subject + " to be " + target.wire());
    }
    return target;
  }

  @Override
  public String toString() {
    return "Wait[" + describe() + ", timeout " + timeout + ", backoff " + initialInterval + ".." + maxInterval
        + " x" + multiplier + ", jitter " + jitter + ", unknownLimit " + unknownLimit + ", confirmations "
        + confirmations + "]";
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Wait)) {
      return false;
    }
    Wait w = (Wait) o;
    return deletion == w.deletion && target == w.target && vmTargets.equals(w.vmTargets)
        && timeout.equals(w.timeout) && initialInterval.equals(w.initialInterval)
        && maxInterval.equals(w.maxInterval) && Double.compare(multiplier, w.multiplier) == 0
        && Double.compare(jitter, w.jitter) == 0 && unknownLimit == w.unknownLimit
        && confirmations == w.confirmations && contmsgHeadLength == w.contmsgHeadLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, deletion, vmTargets, timeout, initialInterval, maxInterval, multiplier, jitter,
        unknownLimit, confirmations, contmsgHeadLength);
  }
}
