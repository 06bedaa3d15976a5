package io.github.imsdk.core.internal.retry;

import java.util.Objects;
import java.util.Optional;

/**
 * What the retry engine needs to know about a call.
 *
 * @param method the HTTP method, for messages and logs
 * @param path the path relative to the IM endpoint, for messages and logs
 * @param idempotent whether sending the call twice has the same effect as sending it once
 * @param ambiguityHint for a non-idempotent call: how to find out whether it took effect (e.g. "list
 *     infrastructures and look for infra_name 'x'"); empty for a generic hint
 * @param onCredentialsRejected run once when the server rejects the credentials, before the single re-send (e.g.
 *     {@code credentials::invalidate}); null disables that re-send
 */
public record RetryCall(String method, String path, boolean idempotent, Optional<String> ambiguityHint,
    Runnable onCredentialsRejected) {

  /** Checks the components. */
  public RetryCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ambiguityHint, "ambiguityHint");
  }

  /** Returns an idempotent call, e.g. a {@code GET}. */
  public static RetryCall idempotent(String method, String path, Runnable onCredentialsRejected) {
    return new RetryCall(method, path, true, Optional.empty(), onCredentialsRejected);
  }

  /** Returns a call that must not run twice, with the hint that tells a caller how to check whether it ran. */
  public static RetryCall nonIdempotent(String method, String path, String ambiguityHint,
      Runnable onCredentialsRejected) {
    return new RetryCall(method, path, false, Optional.ofNullable(ambiguityHint), onCredentialsRejected);
  }

  /** Returns the sentence appended to errors after which this call may or may not have taken effect. */
  public String ambiguityNote() {
    return "The request may have reached IM, so it was not repeated. "
        + ambiguityHint.orElse("Check with a read call whether it took effect before sending it again.");
  }
}
