package io.github.imsdk.core.internal;

import io.github.imsdk.core.ImConflictException;
import io.github.imsdk.core.ImNotFoundException;
import io.github.imsdk.core.ImServiceException;
import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.internal.http.ImCall;
import io.github.imsdk.core.internal.http.ImHttp;
import io.github.imsdk.core.internal.retry.NotRetryable;
import io.github.imsdk.core.internal.retry.TimeSource;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Destroys an infrastructure that IM may still be creating ({@code DELETE /infrastructures/{id}}). Right after an
 * asynchronous create, real IM answers {@code 409 "Invalid State to perform this operation"} while it is still
 * adding VMs; one DELETE would then leave a billable infrastructure behind. This sends the DELETE again, with a
 * growing pause (1 s doubling to 15 s), until IM confirms (2xx) or says it is gone (404), or until the cleanup
 * deadline; it also retries transport errors and 5xx answers. Used by every cleanup path (failed, timed-out,
 * cancelled or interrupted create-and-wait, client close) and reusable by any deployment handle.
 */
public final class Cleanup {

  /** How long a cleanup keeps trying by default. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(15);

  /**
   * What a cleanup achieved.
   *
   * @param gone whether IM confirmed the destruction or said the infrastructure does not exist
   * @param attempts how many DELETEs were sent
   * @param detail why it stopped, for messages ("destroyed", "IM answered 409 ... until the deadline", ...)
   */
  public record Outcome(boolean gone, int attempts, String detail) {}

  private final ImHttp http;
  private final TimeSource time;
  private final Duration deadline;

  /** A cleanup over {@code http}, pausing on {@code time}, giving up after {@code deadline}. */
  public Cleanup(ImHttp http, TimeSource time, Duration deadline) {
    this.http = Objects.requireNonNull(http, "http");
    this.time = Objects.requireNonNull(time, "time");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  /**
   * Destroys the infrastructure at {@code path} ({@code /infrastructures/{id}}), through 409s. Never throws for
   * an IM or transport failure: the outcome says what happened. An interrupt ends the pauses at once (the
   * thread's interrupt flag is set again).
   */
  public Outcome destroy(String path) {
    ImCall call = new ImCall("DELETE", path, Map.of(), null, null, true);
    long start = time.nanoTime();
    Duration pause = FIRST_PAUSE;
    int attempts = 0;
    String last;
    while (true) {
      attempts++;
      try {
        http.execute(call);
        return new Outcome(true, attempts, "destroyed");
      } catch (ImNotFoundException e) {
        return new Outcome(true, attempts, "IM no longer knows it (404)");
      } catch (ImConflictException e) {
        last = "IM answered 409 (" + e.serverMessage() + "): it is still being created or changed";
      } catch (ImServiceException e) {
        if (e.statusCode() < 500) {
          return new Outcome(false, attempts, "IM refused: HTTP " + e.statusCode() + " " + e.serverMessage());
        }
        last = "IM answered HTTP " + e.statusCode();
      } catch (ImTransportException e) {
        if (e instanceof NotRetryable) {
          return new Outcome(false, attempts, e.getMessage());
        }
        last = e.getMessage();
      } catch (IllegalStateException e) {
        return new Outcome(false, attempts, "the client was closed (" + e.getMessage() + ")");
      }
      long elapsed = time.nanoTime() - start;
      if (Duration.ofNanos(elapsed).plus(pause).compareTo(deadline) > 0) {
        return new Outcome(false, attempts, last + "; gave up after " + attempts + " attempts, at the "
            + deadline.toSeconds() + " s cleanup deadline");
      }
      try {
        time.sleep(pause);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return new Outcome(false, attempts, last + "; interrupted after " + attempts + " attempts");
      }
      pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
    }
  }
}
