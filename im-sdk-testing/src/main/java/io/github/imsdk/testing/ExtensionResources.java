package io.github.imsdk.testing;

import io.github.imsdk.core.InfrastructureManager;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one test holds; JUnit closes it with the test's store.
 *
 * <p>It implements both interfaces on purpose: JUnit before 5.13 closes only {@code CloseableResource} values
 * (an {@code AutoCloseable} alone would leave every test's emulator and client running), and 5.13+ deprecates
 * {@code CloseableResource} in favour of {@code AutoCloseable}, closing a value that is both exactly once.
 */
@SuppressWarnings("deprecation")
final class ExtensionResources implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  final ExtensionConfig config;
  final ImEmulator emulator;
  final ManualClock clock;
  private InfrastructureManager client;
  private boolean closed;

  ExtensionResources(ExtensionConfig config) {
    this.config = config;
    this.clock = config.manualClock() ? ManualClock.startingNow() : null;
    ImEmulator.Builder b = ImEmulator.builder().imVersion(config.version()).timings(config.timings());
    if (clock != null) {
      b.clock(clock);
    }
    this.emulator = b.build();
    config.faults().forEach(emulator::inject);
  }

  synchronized InfrastructureManager client() {
    if (client == null) {
      client = InfrastructureManager.builder().endpoint(emulator.endpoint()).credentials(emulator.credentials())
          .build();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      emulator.close();
    }
  }
}
