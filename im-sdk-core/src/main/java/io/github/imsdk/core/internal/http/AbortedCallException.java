package io.github.imsdk.core.internal.http;

import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.internal.retry.NotRetryable;

/** A call ended by {@code close()} or by an interrupt: an {@link ImTransportException} that is not retried. */
final class AbortedCallException extends ImTransportException implements NotRetryable {
  private static final long serialVersionUID = 1L;

  AbortedCallException(String method, String path, String message) {
    super(method, path, message, null);
  }
}
