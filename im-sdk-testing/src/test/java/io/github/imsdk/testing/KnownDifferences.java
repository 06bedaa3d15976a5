package io.github.imsdk.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recorded exchanges of the second set on which the emulator still answers differently from IM, each with the
 * reason. The fidelity test fails on any other mismatch, and also when one of these starts to match (so this list
 * only shrinks). Keys are file numbers; the list may depend on the mode.
 */
final class KnownDifferences {

  private static final String ADDRESSES = "the emulator gives every network interface a loopback address; IM's Dummy"
      + " connector only net_interface.0 (so a normative Compute's public_address is null there)";

  private KnownDifferences() {}

  @SuppressWarnings("unused") // imV2: the same exchanges differ in both modes today
  static Map<String, String> of(boolean imV2) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : new String[] {"003", "005", "007", "012", "136"}) {
      m.put(f, ADDRESSES);
    }
    m.put("142", "Dummy adds disk.0.os.credentials.new.password; the emulator keeps the password it generated");
    m.put("204", "the Dummy connector's alterVM fails without memory.size; the emulator alters anyway");
    return m;
  }
}
