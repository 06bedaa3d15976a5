package io.github.imsdk.benchmarks;

import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureManager;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Issue 7 §2, second half: how many TCP connections the stub accepts while one client makes {@code calls}
 * {@code state()} calls, first sequentially, then from 64 threads at once. Each client kind gets its own stub, so
 * no connection is shared between kinds (the HttpURLConnection keep-alive cache is JVM-wide).
 */
final class ConnectionCounts {

  /** The figures of one client kind. */
  record Result(String client, int calls, int sequentialConnections, int parallelConnections, double sequentialMillis,
      double parallelMillis) {}

  /** A client under test: a state call and how to release it. */
  private record Client(Supplier<String> state, AutoCloseable close) {}

  private static final int THREADS = 64;

  private ConnectionCounts() {}

  /** Measures every client kind with {@code calls} calls in each phase. */
  static List<Result> measure(int calls) {
    Map<String, Function<URI, Client>> kinds = new LinkedHashMap<>();
    kinds.put("im-sdk (default connector)", uri -> sdk(SdkClients.standard(uri)));
    kinds.put("im-sdk (jnh connector)", uri -> sdk(SdkClients.withJavaNetHttpConnector(uri)));
    kinds.put("raw java.net.http + Jackson", uri -> {
      RawJdkClient raw = new RawJdkClient(uri);
      return new Client(() -> raw.state(ImStub.INFRASTRUCTURE_ID).state(), () -> {});
    });
    kinds.put("raw Jersey (default connector)", uri -> jersey(uri, RawJerseyClient.Connector.HTTP_URL_CONNECTION));
    kinds.put("raw Jersey (jnh connector)", uri -> jersey(uri, RawJerseyClient.Connector.JAVA_NET_HTTP));
    List<Result> results = new ArrayList<>();
    kinds.forEach((name, factory) -> results.add(measure(name, factory, calls)));
    return results;
  }

  private static Client sdk(InfrastructureManager im) {
    Infrastructure inf = im.infrastructure(ImStub.INFRASTRUCTURE_ID);
    return new Client(() -> inf.state().rawState(), im);
  }

  private static Client jersey(URI uri, RawJerseyClient.Connector connector) {
    RawJerseyClient c = new RawJerseyClient(uri, connector);
    return new Client(() -> c.state(ImStub.INFRASTRUCTURE_ID).state(), c);
  }

  private static Result measure(String name, Function<URI, Client> factory, int calls) {
    try (ImStub stub = ImStub.start(ImCallsState.STUB_WORKERS)) {
      Client client = factory.apply(stub.endpoint());
      try {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          check(client.state().get(), name);
        }
        double seqMillis = (System.nanoTime() - t0) / 1e6;
        int sequential = stub.connectionsAccepted();
        requireRequests(stub, calls, name);
        stub.resetCounts();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
          int perThread = calls / THREADS;
          List<Future<?>> futures = new ArrayList<>();
          long t1 = System.nanoTime();
          for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
              for (int i = 0; i < perThread; i++) {
                check(client.state().get(), name);
              }
            }));
          }
          for (Future<?> f : futures) {
            f.get();
          }
          double parMillis = (System.nanoTime() - t1) / 1e6;
          requireRequests(stub, (long) perThread * THREADS, name);
          return new Result(name, calls, sequential, stub.connectionsAccepted(), seqMillis, parMillis);
        } finally {
          pool.shutdownNow();
        }
      } finally {
        client.close().close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("connection count for " + name + " failed: " + e.getMessage(), e);
    }
  }

  private static void check(String state, String name) {
    if (!"configured".equals(state)) {
      throw new IllegalStateException(name + " read state '" + state + "'");
    }
  }

  private static void requireRequests(ImStub stub, long expected, String name) {
    if (stub.requests() != expected) {
      throw new IllegalStateException(name + ": the stub answered " + stub.requests() + " requests, expected "
          + expected);
    }
  }
}
