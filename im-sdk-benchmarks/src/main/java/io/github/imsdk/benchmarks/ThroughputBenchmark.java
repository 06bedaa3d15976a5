package io.github.imsdk.benchmarks;

import io.github.imsdk.core.InfrastructureState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Issue 7 §2: {@code state()} calls per second with 1, 8 and 64 threads sharing one client (the thread count is a
 * run option, see {@link RunAll}), for im-sdk on each connector and for the raw clients.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBenchmark {

  /** Polls state through im-sdk (default connector). */
  @Benchmark
  public InfrastructureState sdk(ImCallsState s) {
    return s.sdkInf.state();
  }

  /** Polls state through im-sdk over jersey-jnh-connector. */
  @Benchmark
  public InfrastructureState sdkJnh(ImCallsState s) {
    return s.sdkJnhInf.state();
  }

  /** Polls state through java.net.http.HttpClient + Jackson. */
  @Benchmark
  public RawState rawJdk(ImCallsState s) {
    return s.rawJdk.state(ImStub.INFRASTRUCTURE_ID);
  }

  /** Polls state through plain Jersey (default connector) + Jackson. */
  @Benchmark
  public RawState rawJersey(ImCallsState s) {
    return s.rawJersey.state(ImStub.INFRASTRUCTURE_ID);
  }

  /** Polls state through plain Jersey over jersey-jnh-connector + Jackson. */
  @Benchmark
  public RawState rawJerseyJnh(ImCallsState s) {
    return s.rawJerseyJnh.state(ImStub.INFRASTRUCTURE_ID);
  }
}
