package io.github.imsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A smoke run: the comparison runs against both servers and reports numbers (never how fast they are). */
class EmulatorThroughputTest {

  @Test
  void measuresBothServersInOneRun() {
    // Given one short round
    // When it runs
    EmulatorThroughput.Result r = EmulatorThroughput.run(1, Duration.ofMillis(100));

    // Then both servers answered configured states and a ratio was taken
    assertThat(r.emulatorPerSecond()).isPositive();
    assertThat(r.stubPerSecond()).isPositive();
    assertThat(r.ratio()).isPositive();
    assertThat(r.rounds()).isEqualTo(1);
  }
}
