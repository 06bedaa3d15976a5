package io.github.imsdk.core.internal.retry;

/**
 * Marks a transport failure that no retry can cure, e.g. the client was closed or the calling thread interrupted:
 * the {@link Retrier} reports it at once.
 */
public interface NotRetryable {}
