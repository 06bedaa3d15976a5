package io.github.imsdk.core.internal.retry;

import java.util.Optional;

/**
 * Reads what the retry engine needs from a transport's raw response.
 *
 * @param <R> the transport's response type
 */
public interface ResponseInspector<R> {

  /** Returns the HTTP status. */
  int status(R response);

  /** Returns the first value of header {@code name}, if present. */
  Optional<String> header(R response, String name);

  /**
   * Tells whether the server rejected the credentials: 401, or IM's 400 whose message says
   * {@code Invalid InfrastructureManager credentials}. May read and buffer the body.
   */
  boolean credentialsRejected(R response);

  /** Releases a response that will not be used (it is being retried). Must not throw. */
  void discard(R response);
}
