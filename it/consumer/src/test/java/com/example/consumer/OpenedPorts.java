package com.example.consumer;

import java.util.ArrayList;
import java.util.List;

/** The ports of the emulators @ImEmulatorTest gave to tests, for LeakCheckTest to probe after they ended. */
final class OpenedPorts {
  private static final List<Integer> PORTS = new ArrayList<>();

  private OpenedPorts() {}

  static synchronized void add(int port) {
    PORTS.add(port);
  }

  static synchronized List<Integer> all() {
    return List.copyOf(PORTS);
  }
}
