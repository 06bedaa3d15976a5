package io.github.imsdk.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks of one JMH class in rounds: each round runs every benchmark method once (one fork each), so
 * that load drifting on a shared machine hits every method alike. Figures are medians over rounds; ratios are taken
 * within each round, then their median is reported.
 */
final class JmhRounds {

  private final Map<String, List<RunResult>> byMethod = new LinkedHashMap<>();

  private JmhRounds() {}

  /** Runs every {@code @Benchmark} method of {@code benchmark} {@code rounds} times with {@code options}. */
  static JmhRounds run(Class<?> benchmark, int rounds, Options options) {
    List<String> methods = Arrays.stream(benchmark.getMethods())
        .filter(m -> m.isAnnotationPresent(Benchmark.class))
        .map(Method::getName)
        .sorted()
        .toList();
    JmhRounds r = new JmhRounds();
    if (methods.isEmpty()) {
      throw new IllegalArgumentException(benchmark.getName() + " has no @Benchmark method");
    }
    for (int round = 0; round < rounds; round++) {
      for (String method : methods) {
        // A fresh builder per run: include() adds to the parent's patterns instead of replacing them.
        Options one = new OptionsBuilder().parent(options)
            .include("^" + benchmark.getName().replace(".", "\\.") + "\\." + method + "$")
            .build();
        try {
          for (RunResult result : new Runner(one).run()) {
            String b = result.getParams().getBenchmark();
            r.byMethod.computeIfAbsent(b.substring(b.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(result);
          }
        } catch (RunnerException e) {
          throw new IllegalStateException("JMH run of " + benchmark.getSimpleName() + "." + method + " failed: "
              + e.getMessage(), e);
        }
      }
    }
    for (String method : methods) {
      if (r.results(method).size() != rounds) {
        throw new IllegalStateException(method + " has " + r.results(method).size() + " results for " + rounds
            + " rounds");
      }
    }
    return r;
  }

  /** Returns the median over rounds of the {@code percentile} of {@code method}'s samples. */
  double p(String method, double percentile) {
    return median(method, x -> percentile(x, percentile));
  }

  /** Returns the median over rounds of {@code method}'s score (the mean, in SampleTime mode). */
  double mean(String method) {
    return median(method, x -> x.getPrimaryResult().getScore());
  }

  /** Returns how many samples {@code method} took over all rounds. */
  long samples(String method) {
    return results(method).stream().mapToLong(x -> x.getPrimaryResult().getSampleCount()).sum();
  }

  /** Returns the median over rounds of {@code method}'s percentile divided by {@code baseline}'s, same round. */
  double ratio(String method, String baseline, double percentile) {
    List<RunResult> a = results(method);
    List<RunResult> b = results(baseline);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      ratios.add(percentile(a.get(i), percentile) / percentile(b.get(i), percentile));
    }
    return Stats.median(ratios);
  }

  private double median(String method, ToDoubleFunction<RunResult> f) {
    return Stats.median(results(method).stream().map(f::applyAsDouble).toList());
  }

  private static double percentile(RunResult r, double percentile) {
    return r.getPrimaryResult().getStatistics().getPercentile(percentile);
  }

  private List<RunResult> results(String method) {
    List<RunResult> r = byMethod.get(method);
    if (r == null || r.isEmpty()) {
      throw new IllegalStateException("JMH produced no result for " + method + "; got " + byMethod.keySet());
    }
    return r;
  }
}
