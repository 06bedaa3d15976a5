package io.github.imsdk.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 7 §2, second half: how many TCP connections the stub accepts while one fresh client makes {@code calls}
 * {@code state()} calls, first sequentially, then from 64 threads at once. Each client kind gets its own stub, so
 * no connection is shared between kinds (the HttpURLConnection keep-alive cache is JVM-wide).
 */
final class ConnectionCounts {

  /** The figures of one client kind. */
  record Result(ClientKind client, int calls, int sequentialConnections, int parallelConnections, long resent) {}

  /** The number of threads of the parallel phase. */
  static final int THREADS = 64;

  private ConnectionCounts() {}

  /** Measures every client kind with {@code calls} calls in each phase. */
  static List<Result> measure(int calls) {
    List<Result> results = new ArrayList<>();
    for (ClientKind kind : ClientKind.values()) {
      results.add(measure(kind, calls));
    }
    return results;
  }

  private static Result measure(ClientKind kind, int calls) {
    try (ImStub stub = ImStub.start(ImCallsState.STUB_WORKERS);
        ClientKind.Handle client = kind.open(stub.endpoint())) {
      for (int i = 0; i < calls; i++) {
        client.call();
      }
      int sequential = stub.connectionsAccepted();
      long resent = extraRequests(stub, calls, kind);
      stub.resetCounts();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        int perThread = calls / THREADS;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          futures.add(pool.submit(() -> {
            for (int i = 0; i < perThread; i++) {
              client.call();
            }
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
        resent += extraRequests(stub, (long) perThread * THREADS, kind);
        return new Result(kind, calls, sequential, stub.connectionsAccepted(), resent);
      } finally {
        pool.shutdownNow();
      }
    } catch (Exception e) {
      throw new IllegalStateException("connection count for " + kind.label() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Returns how many more requests the stub answered than calls were made: a client that finds a kept-alive
   * connection closed re-sends an idempotent GET on a new connection (java.net.http does so once).
   */
  private static long extraRequests(ImStub stub, long calls, ClientKind kind) {
    if (stub.requests() < calls) {
      throw new IllegalStateException(kind.label() + ": the stub answered " + stub.requests()
          + " requests for " + calls + " successful calls");
    }
    return stub.requests() - calls;
  }
}
