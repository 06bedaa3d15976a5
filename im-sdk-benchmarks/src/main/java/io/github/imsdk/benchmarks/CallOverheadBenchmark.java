package io.github.imsdk.benchmarks;

import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.Outputs;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Issue 7 §1: the latency of one {@code state()} and one {@code outputs()} call through im-sdk against the same GET
 * written with java.net.http + Jackson (and with plain Jersey), all against the loopback stub. SampleTime mode
 * gives the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallOverheadBenchmark {

  /** {@code GET /infrastructures/{id}/state} through im-sdk (default connector). */
  @Benchmark
  public InfrastructureState sdkState(ImCallsState s) {
    return s.sdkInf.state();
  }

  /** {@code GET /infrastructures/{id}/state} through im-sdk over jersey-jnh-connector. */
  @Benchmark
  public InfrastructureState sdkJnhState(ImCallsState s) {
    return s.sdkJnhInf.state();
  }

  /** The same GET through java.net.http.HttpClient + Jackson. */
  @Benchmark
  public RawState rawJdkState(ImCallsState s) {
    return s.rawJdk.state(ImStub.INFRASTRUCTURE_ID);
  }

  /** The same GET through plain Jersey (default connector) + Jackson. */
  @Benchmark
  public RawState rawJerseyState(ImCallsState s) {
    return s.rawJersey.state(ImStub.INFRASTRUCTURE_ID);
  }

  /** {@code GET /infrastructures/{id}/outputs} through im-sdk (default connector). */
  @Benchmark
  public Outputs sdkOutputs(ImCallsState s) {
    return s.sdkInf.outputs();
  }

  /** The same GET through java.net.http.HttpClient + Jackson. */
  @Benchmark
  public Map<String, Object> rawJdkOutputs(ImCallsState s) {
    return s.rawJdk.outputs(ImStub.INFRASTRUCTURE_ID);
  }
}
