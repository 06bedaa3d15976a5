package io.github.imsdk.core.internal.retry;

import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.RetryPolicy;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a call, repeating it per a {@link RetryPolicy} when that is safe.
 *
 * <ul>
 *   <li>Transport failure: repeated if the call is idempotent, or if the request provably never left (connection
 *       refused, unknown host, no route). Otherwise rethrown with {@link RetryCall#ambiguityNote()}.</li>
 *   <li>HTTP 429, 502, 503, 504: repeated if the call is idempotent, after {@code Retry-After} if the server sent
 *       one, else after the policy's backoff. A non-idempotent call gets the note in {@link RetryOutcome}.</li>
 *   <li>Credentials rejected (401, IM's 400 quirk): {@link RetryCall#onCredentialsRejected()} runs and the call is
 *       re-sent once at once, whatever its idempotency: IM checks credentials before doing anything.</li>
 *   <li>No retry starts when its pause would end after the policy's call deadline.</li>
 * </ul>
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
public final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
  private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
  private static final Set<Integer> AMBIGUOUS = Set.of(500, 502, 503, 504);

  private final RetryPolicy policy;
  private final Backoff backoff;
  private final TimeSource time;
  private final DoubleSupplier random;

  /** Creates a retrier; {@code random} yields numbers in {@code [0, 1)} for jitter. */
  public Retrier(RetryPolicy policy, TimeSource time, DoubleSupplier random) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.time = Objects.requireNonNull(time, "time");
    this.random = Objects.requireNonNull(random, "random");
    this.backoff = new Backoff(policy.initialBackoff(), policy.maxBackoff(), policy.multiplier(), policy.jitter());
  }

  /** Returns the policy. */
  public RetryPolicy policy() {
    return policy;
  }

  /**
   * Sends {@code call} through {@code exchange} until a response is final.
   *
   * @throws ImTransportException if the last attempt got no usable response, or the thread was interrupted
   *     while pausing (its flag is then set again)
   */
  public <R> RetryOutcome<R> execute(RetryCall call, Exchange<R> exchange, ResponseInspector<R> inspector) {
    long start = time.nanoTime();
    int sent = 0;
    int retries = 0; // attempts that count against maxAttempts, beyond the first
    boolean credentialsRetried = false;
    boolean mayHaveRun = false;
    while (true) {
      sent++;
      R response;
      try {
        response = exchange.send(sent);
      } catch (ImTransportException e) {
        boolean reached = !neverLeft(e);
        if (reached && !call.idempotent()) {
          throw new ImTransportException(call.method(), call.path(),
              detail(e) + " (attempt " + sent + "). " + call.ambiguityNote(), e);
        }
        if (e instanceof NotRetryable || retries + 1 >= policy.maxAttempts()) {
          throw e;
        }
        Duration pause = backoff.delay(retries, random);
        if (!fitsDeadline(start, pause)) {
          throw e;
        }
        LOG.info("{} {}: {}; retrying in {} ms (attempt {} of {})", call.method(), call.path(), detail(e),
            pause.toMillis(), retries + 2, policy.maxAttempts());
        pause(call, pause, e);
        mayHaveRun |= reached;
        retries++;
        continue;
      }

      int status = inspector.status(response);
      if (!credentialsRetried && call.onCredentialsRejected() != null && inspector.credentialsRejected(response)) {
        credentialsRetried = true;
        LOG.info("{} {}: HTTP {}, credentials rejected; refreshing them and sending once more", call.method(),
            call.path(), status);
        inspector.discard(response);
        call.onCredentialsRejected().run();
        continue;
      }
      if (RETRYABLE.contains(status) && call.idempotent() && retries + 1 < policy.maxAttempts()) {
        int step = retries;
        Optional<Duration> asked = inspector.header(response, "Retry-After")
            .flatMap(v -> RetryAfter.parse(v, time.now()));
        Duration pause = asked.orElseGet(() -> backoff.delay(step, random));
        if (fitsDeadline(start, pause)) {
          LOG.info("{} {}: HTTP {}; retrying in {} ms{} (attempt {} of {})", call.method(), call.path(), status,
              pause.toMillis(), asked.isPresent() ? " as Retry-After asks" : "", retries + 2,
              policy.maxAttempts());
          inspector.discard(response);
          pause(call, pause, null);
          mayHaveRun = true;
          retries++;
          continue;
        }
        LOG.debug("{} {}: HTTP {}; no retry, the pause of {} ms would pass the call deadline", call.method(),
            call.path(), status, pause.toMillis());
      }
      Optional<String> note = !call.idempotent() && AMBIGUOUS.contains(status)
          ? Optional.of(call.ambiguityNote()) : Optional.empty();
      return new RetryOutcome<>(response, sent, mayHaveRun, note);
    }
  }

  private boolean fitsDeadline(long start, Duration pause) {
    long elapsed = time.nanoTime() - start;
    return elapsed + pause.toNanos() <= policy.callDeadline().toNanos();
  }

  private void pause(RetryCall call, Duration pause, ImTransportException last) {
    try {
      time.sleep(pause);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      ImTransportException e = new ImTransportException(call.method(), call.path(),
          "interrupted while waiting to retry", ie);
      if (last != null) {
        e.addSuppressed(last);
      }
      throw e;
    }
  }

  /** Tells whether the failure happened before any byte of the request could reach the server. */
  static boolean neverLeft(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns what {@code e} says went wrong, without its "METHOD path: " prefix. The thrower already scrubbed that
   * text of secrets; the root cause's own message is never used, because it was not.
   */
  static String detail(ImTransportException e) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    String prefix = e.method() + " " + e.path() + ": ";
    return msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
  }
}
