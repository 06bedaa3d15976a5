package io.github.imsdk.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recorded exchanges of the second set on which the emulator still answers differently from IM, each with the
 * reason. The fidelity test fails on any other mismatch, and also when one of these starts to match (so this list
 * only shrinks). Keys are file numbers; a key ending in {@code /1.19} or {@code /2.0} applies to that mode only.
 */
final class KnownDifferences {

  private static final String ADDRESSES = "the emulator gives every network interface a loopback address; IM's Dummy"
      + " connector only net_interface.0 (so a normative Compute's public_address is null there)";
  private static final String TOSCA_DUMP = "/tosca is returned as sent; IM re-serialises it with yaml.safe_dump"
      + " (sorted keys, re-folded text)";
  private static final String NO_PASSWORD = "IM (no user DB) accepts an IM line with a username and no password;"
      + " the emulator requires both";
  private static final String BAD_TOKEN = "IM answers 400 for a token that is not a JWT on every endpoint; the"
      + " emulator 401 on list/create";
  private static final String EMPTY_HEADER_119 = "IM 1.19.2 parses an empty Authorization as no lines (400 on"
      + " per-infrastructure endpoints); the emulator treats it as missing (401)";
  private static final String UNDECODABLE_119 = "IM 1.19.2 answers 401 'No authentication data provided' for an"
      + " undecodable header; the emulator parses what it can";
  private static final String UNDECODABLE_20 = "IM 2.0 answers 500 with the Python exception text for an"
      + " undecodable header; the emulator 400/401";

  private KnownDifferences() {}

  static Map<String, String> of(boolean imV2) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : new String[] {"003", "005", "007", "012", "136"}) {
      m.put(f, ADDRESSES);
    }
    m.put("010", TOSCA_DUMP);
    m.put("158", TOSCA_DUMP);
    m.put("160", "IM's TOSCA-to-RADL text (disk.0.size >= ...B, dns_name defaults, description) is not reproduced");
    for (String f : new String[] {"085", "086", "087", "088", "089", "090", "091", "092", "212"}) {
      m.put(f, NO_PASSWORD);
    }
    m.put("097", BAD_TOKEN);
    m.put("099", BAD_TOKEN);
    m.put("142", "Dummy adds disk.0.os.credentials.new.password; the emulator keeps the password it generated");
    m.put("203", "IM checks that an alter's TOSCA node name matches the VM's system; the emulator does not");
    m.put("204", "the Dummy connector's alterVM fails without memory.size; the emulator alters anyway");
    if (imV2) {
      for (String f : new String[] {"110", "111", "112", "113", "120", "121", "122", "123"}) {
        m.put(f, UNDECODABLE_20);
      }
      m.put("215", NO_PASSWORD);
    } else {
      for (String f : new String[] {"104", "106", "217"}) {
        m.put(f, EMPTY_HEADER_119);
      }
      for (String f : new String[] {"111", "113", "121", "123"}) {
        m.put(f, UNDECODABLE_119);
      }
    }
    return m;
  }
}
