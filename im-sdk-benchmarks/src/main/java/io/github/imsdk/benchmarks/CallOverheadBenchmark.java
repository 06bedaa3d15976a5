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

  /** {@code GET /infrastructures/{id}/state} through im-sdk (its pinned java.net.http connector). */
  @Benchmark
  public InfrastructureState sdkState(ImCallsState.Sdk s) {
    return s.inf.state();
  }

  /** The same GET through java.net.http.HttpClient + Jackson. */
  @Benchmark
  public RawState rawJdkState(ImCallsState.RawJdk s) {
    return s.client.state(ImStub.INFRASTRUCTURE_ID);
  }

  /** The same GET through plain Jersey (default connector) + Jackson. */
  @Benchmark
  public RawState rawJerseyState(ImCallsState.RawJersey s) {
    return s.client.state(ImStub.INFRASTRUCTURE_ID);
  }

  /** {@code GET /infrastructures/{id}/outputs} through im-sdk (its pinned java.net.http connector). */
  @Benchmark
  public Outputs sdkOutputs(ImCallsState.Sdk s) {
    return s.inf.outputs();
  }

  /** The same GET through java.net.http.HttpClient + Jackson. */
  @Benchmark
  public Map<String, Object> rawJdkOutputs(ImCallsState.RawJdk s) {
    return s.client.outputs(ImStub.INFRASTRUCTURE_ID);
  }
}
