package io.github.imsdk.core.internal.http;

/**
 * The single point through which every HTTP call of the SDK goes. Decorators (retries, metrics) wrap it.
 *
 * <p>An implementation returns only successful (2xx) responses; any other status is thrown as the matching
 * {@link io.github.imsdk.core.ImServiceException}, and a failure to get an answer as
 * {@link io.github.imsdk.core.ImTransportException}.
 */
@FunctionalInterface
public interface ImHttp {

  /** Sends {@code call} and returns its successful response. */
  ImResponse execute(ImCall call);
}
