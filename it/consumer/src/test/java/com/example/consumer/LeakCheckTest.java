package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (junit-platform.properties orders classes by @Order): every emulator @ImEmulatorTest started must be
 * stopped by now, whatever JUnit version runs it. A port that still accepts is a leaked emulator.
 */
@Order(Integer.MAX_VALUE)
class LeakCheckTest {

  @Test
  void noEmulatorPortIsLeftOpen() {
    List<Integer> ports = OpenedPorts.all();
    assertFalse(ports.isEmpty(), "EmulatorExtensionTest did not run before this class");
    for (int port : ports) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        fail("the emulator on port " + port + " still accepts connections after its test ended");
      } catch (ConnectException expected) {
        // closed, as it must be
      } catch (IOException e) {
        fail("probing port " + port + ": " + e);
      }
    }
  }
}
