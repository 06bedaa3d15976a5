package io.github.imsdk.core.internal.retry;

import io.github.imsdk.core.ImTransportException;

/**
 * Sends one attempt of a call and returns the raw response (status and headers readable, body not yet mapped).
 *
 * @param <R> the transport's response type
 */
@FunctionalInterface
public interface Exchange<R> {

  /**
   * Sends attempt number {@code attempt} (from 1), rebuilding anything that may change between attempts, such as
   * the Authorization header.
   *
   * @throws ImTransportException if no usable response was received
   */
  R send(int attempt);
}
