package io.github.imsdk.testing;

import io.github.imsdk.core.State;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A failure a test asks the emulator to produce: a VM that ends {@code failed} or {@code unconfigured}, a slow
 * route, or a route that answers with a server error. Inject with {@link ImEmulator#inject(Fault)}.
 *
 * <pre>{@code
 * emulator.inject(Fault.nextVmsEndIn(State.UNCONFIGURED));                       // the next VM fails to configure
 * emulator.inject(Fault.serverError("GET", "/infrastructures/[^/]+/state", 503).withTimes(2));
 * emulator.inject(Fault.delay("POST", "/infrastructures", Duration.ofSeconds(5)));
 * }</pre>
 */
public final class Fault {

  private final String method;
  private final Pattern path;
  private final Duration delay;
  private final int status;
  private final State vmOutcome;
  private final int times;

  private Fault(String method, Pattern path, Duration delay, int status, State vmOutcome, int times) {
    this.method = method;
    this.path = path;
    this.delay = delay;
    this.status = status;
    this.vmOutcome = vmOutcome;
    this.times = times;
  }

  /**
   * Makes the next VM created end in {@code outcome} instead of {@code configured}: {@link State#FAILED} (it
   * never runs) or {@link State#UNCONFIGURED} (contextualization fails). Applies once unless {@link #withTimes(int)}.
   *
   * @throws IllegalArgumentException for any other state
   */
  public static Fault nextVmsEndIn(State outcome) {
    Objects.requireNonNull(outcome, "outcome");
    if (outcome != State.FAILED && outcome != State.UNCONFIGURED) {
      throw new IllegalArgumentException("a VM can be made to end FAILED or UNCONFIGURED, not " + outcome);
    }
    return new Fault(null, null, null, 0, outcome, 1);
  }

  /**
   * Makes requests whose method and path match wait {@code delay} before being answered; applies to every
   * matching request unless {@link #withTimes(int)}.
   *
   * @param method HTTP method, or {@code null} for any
   * @param pathRegex regular expression the whole request path must match, e.g. {@code /infrastructures/.*}
   */
  public static Fault delay(String method, String pathRegex, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return new Fault(method, compile(pathRegex), delay, 0, null, -1);
  }

  /**
   * Makes requests whose method and path match answer {@code status} with an IM-style error body; applies to
   * every matching request unless {@link #withTimes(int)}.
   *
   * @param method HTTP method, or {@code null} for any
   * @param pathRegex regular expression the whole request path must match
   * @param status an HTTP error status, 400-599
   */
  public static Fault serverError(String method, String pathRegex, int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an injected error needs a status in 400-599, not " + status);
    }
    return new Fault(method, compile(pathRegex), null, status, null, -1);
  }

  /**
   * Returns a copy of this fault limited to the first {@code n} matching requests (or VMs); {@link #times()} reads
   * the limit.
   *
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public Fault withTimes(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("times must be positive, not " + n);
    }
    return new Fault(method, path, delay, status, vmOutcome, n);
  }

  private static Pattern compile(String regex) {
    Objects.requireNonNull(regex, "pathRegex");
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid path pattern '" + regex + "': " + e.getDescription(), e);
    }
  }

  String method() {
    return method;
  }

  Pattern path() {
    return path;
  }

  Duration delayDuration() {
    return delay;
  }

  int status() {
    return status;
  }

  State vmOutcome() {
    return vmOutcome;
  }

  int count() {
    return times;
  }

  /** Returns how many matching requests (or VMs) this fault applies to; negative means every one. */
  public int times() {
    return times;
  }

  @Override
  public String toString() {
    if (vmOutcome != null) {
      return "Fault[next " + (times < 0 ? "all" : times) + " VM(s) end " + vmOutcome.wire() + "]";
    }
    return "Fault[" + (method == null ? "*" : method) + " " + path + (delay != null ? " delayed " + delay
        : " answers " + status) + (times < 0 ? "" : " x" + times) + "]";
  }
}
