package io.github.imsdk.core.internal.retry;

import java.util.Optional;

/**
 * The response the retry engine settled on.
 *
 * @param response the last response received, successful or not
 * @param attempts how many times the call was sent
 * @param earlierAttemptMayHaveRun whether an earlier attempt may have reached IM (so a {@code DELETE} answered
 *     404 now may have succeeded before)
 * @param ambiguityNote for a non-idempotent call answered 500, 502, 503 or 504: the sentence saying it may have
 *     taken effect and how to check; the caller appends it to the error it throws
 * @param <R> the transport's response type
 */
public record RetryOutcome<R>(R response, int attempts, boolean earlierAttemptMayHaveRun,
    Optional<String> ambiguityNote) {

  /** Returns the attempt count and flags; never the response, whose body may hold secrets. */
  @Override
  public String toString() {
    return "RetryOutcome[attempts=" + attempts + ", earlierAttemptMayHaveRun=" + earlierAttemptMayHaveRun
        + ", ambiguityNote=" + (ambiguityNote.isPresent() ? "present" : "none") + "]";
  }
}
