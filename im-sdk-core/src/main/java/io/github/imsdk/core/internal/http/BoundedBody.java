package io.github.imsdk.core.internal.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A {@code java.net.http} body subscriber that collects at most {@code cap} bytes and can be aborted from any
 * thread: past the cap, or on {@link #abort()}, it cancels its subscription, which closes the connection.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** Raised (as the body's failure) when the answer is larger than the cap. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    final long cap;

    TooLargeException(long cap, String detail) {
      super("the answer is larger than the " + cap + "-byte limit" + detail);
      this.cap = cap;
    }
  }

  private final long cap;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<byte[]> chunks = new ArrayList<>();
  private long received;
  private volatile Flow.Subscription subscription;
  private volatile boolean aborted;

  BoundedBody(long cap, long declaredLength) {
    this.cap = cap;
    if (declaredLength > cap) {
      result.completeExceptionally(new TooLargeException(cap, " (Content-Length " + declaredLength + ")"));
      aborted = true;
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (aborted) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      received += b.remaining();
      if (received > cap) {
        chunks.clear();
        result.completeExceptionally(new TooLargeException(cap, ""));
        abort();
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      chunks.add(chunk);
    }
  }

  @Override
  public void onError(Throwable t) {
    chunks.clear();
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    byte[] all = new byte[(int) received];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    chunks.clear();
    result.complete(all);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  /**
   * Stops receiving: ends the body with a failure (unless it already ended) and cancels the subscription, which
   * closes the connection, if there is one yet.
   */
  void abort() {
    aborted = true;
    result.completeExceptionally(new IOException("the answer was cut short"));
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
