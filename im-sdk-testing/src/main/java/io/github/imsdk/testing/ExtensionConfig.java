package io.github.imsdk.testing;

import io.github.imsdk.core.State;
import io.github.imsdk.core.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What {@link ImEmulatorExtension} builds each test's emulator and client with. */
record ExtensionConfig(ImVersion version, EmulatorTimings timings, boolean manualClock, List<Fault> faults,
    Wait clientWait) {

  static ExtensionConfig from(ImEmulatorTest a) {
    if (a == null) {
      return new ExtensionConfig(ImVersion.V1_19_2, EmulatorTimings.instant(), false, List.of(),
          fastWait(Duration.ofMillis(10), Duration.ofSeconds(30)));
    }
    EmulatorTimings t = switch (a.timings()) {
      case DEFAULT -> a.manualClock() ? EmulatorTimings.demo() : EmulatorTimings.instant();
      case INSTANT -> EmulatorTimings.instant();
      case FAST -> EmulatorTimings.fast();
      case DEMO -> EmulatorTimings.demo();
    };
    List<Fault> faults = new ArrayList<>();
    if (a.nextVmsEndIn() != State.CONFIGURED) {
      faults.add(Fault.nextVmsEndIn(a.nextVmsEndIn()).withTimes(a.nextVmsCount()));
    }
    if (a.pollIntervalMillis() < 0 || a.waitTimeoutSeconds() <= 0) {
      throw new IllegalArgumentException("@ImEmulatorTest needs pollIntervalMillis >= 0 and waitTimeoutSeconds > 0,"
          + " not " + a.pollIntervalMillis() + " and " + a.waitTimeoutSeconds());
    }
    return new ExtensionConfig(a.imVersion(), t, a.manualClock(), List.copyOf(faults),
        fastWait(Duration.ofMillis(a.pollIntervalMillis()), Duration.ofSeconds(a.waitTimeoutSeconds())));
  }

  /** A {@code Wait.configured()} that polls at {@code interval} (up to 5x with backoff) for at most {@code timeout}. */
  static Wait fastWait(Duration interval, Duration timeout) {
    return Wait.configured().backoff(interval, interval.multipliedBy(5), 1.5).timeout(timeout);
  }
}
