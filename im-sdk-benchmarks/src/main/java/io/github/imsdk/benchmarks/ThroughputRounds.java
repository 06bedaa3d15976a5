package io.github.imsdk.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 7 §2: {@code state()} calls per second with 1, 8 and 64 threads sharing one client, for every
 * {@link ClientKind}. On a machine shared with other work the load drifts over minutes, so instead of one JMH fork
 * per client (run one after another) the clients take turns: each round gives every client one fixed window, and
 * the ratio to the raw client is taken within each round, then the median over rounds is reported.
 */
final class ThroughputRounds {

  /** The figures of one client at one thread count. */
  record Result(int threads, ClientKind client, double medianCallsPerSecond, String range, double medianRatio) {}

  private ThroughputRounds() {}

  /** Measures every client at each of {@code threadCounts}. */
  static List<Result> measure(int[] threadCounts, int rounds, Duration warmup, Duration window) {
    List<Result> results = new ArrayList<>();
    try (ImStub stub = ImStub.start(ImCallsState.STUB_WORKERS)) {
      Map<ClientKind, ClientKind.Handle> clients = new EnumMap<>(ClientKind.class);
      try {
        for (ClientKind kind : ClientKind.values()) {
          clients.put(kind, kind.open(stub.endpoint()));
        }
        for (int threads : threadCounts) {
          results.addAll(measure(clients, threads, rounds, warmup, window));
        }
      } finally {
        for (ClientKind.Handle h : clients.values()) {
          try {
            h.close();
          } catch (Exception e) {
            throw new IllegalStateException("cannot close a client", e);
          }
        }
      }
    }
    return results;
  }

  private static List<Result> measure(Map<ClientKind, ClientKind.Handle> clients, int threads, int rounds,
      Duration warmup, Duration window) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (ClientKind.Handle h : clients.values()) {
        window(pool, h, threads, warmup);
      }
      Map<ClientKind, List<Double>> rates = new EnumMap<>(ClientKind.class);
      Map<ClientKind, List<Double>> ratios = new EnumMap<>(ClientKind.class);
      for (int r = 0; r < rounds; r++) {
        Map<ClientKind, Double> round = new EnumMap<>(ClientKind.class);
        clients.forEach((kind, h) -> round.put(kind, window(pool, h, threads, window)));
        double raw = round.get(ClientKind.RAW_JDK);
        round.forEach((kind, rate) -> {
          rates.computeIfAbsent(kind, k -> new ArrayList<>()).add(rate);
          ratios.computeIfAbsent(kind, k -> new ArrayList<>()).add(rate / raw);
        });
      }
      List<Result> results = new ArrayList<>();
      rates.forEach((kind, rs) -> results.add(new Result(threads, kind, Stats.median(rs), Stats.range(rs, "%.0f"),
          Stats.median(ratios.get(kind)))));
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code threads} callers for {@code length} and returns calls per second. */
  private static double window(ExecutorService pool, ClientKind.Handle client, int threads, Duration length) {
    LongAdder calls = new LongAdder();
    CountDownLatch go = new CountDownLatch(1);
    long[] bounds = new long[2];
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        go.await();
        long end = bounds[1];
        while (System.nanoTime() < end) {
          client.call();
          calls.increment();
        }
        return null;
      }));
    }
    bounds[0] = System.nanoTime();
    bounds[1] = bounds[0] + length.toNanos();
    go.countDown();
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring throughput", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a call failed while measuring throughput: " + e.getCause(), e.getCause());
    }
    return calls.sum() / ((System.nanoTime() - bounds[0]) / 1e9);
  }
}
