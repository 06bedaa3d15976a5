package io.github.imsdk.tosca;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a Compute's {@code endpoint.ports} map: the IM opens {@code source} (on the VM's public IP) for
 * {@code protocol}, optionally only from {@code remoteCidr}, and may forward it to {@code target}.
 *
 * @param protocol {@code tcp}, {@code udp} or {@code icmp}
 * @param source the port opened, 1..65535
 * @param target the port forwarded to, or null
 * @param remoteCidr the addresses allowed, e.g. {@code 10.0.0.0/8}, or null for any
 */
public record PortSpec(String protocol, int source, Integer target, String remoteCidr) {

  /** Checks the protocol and the port numbers. */
  public PortSpec {
    if (protocol == null || !(protocol.equals("tcp") || protocol.equals("udp") || protocol.equals("icmp"))) {
      throw new IllegalArgumentException("protocol must be tcp, udp or icmp, got " + protocol);
    }
    checkPort(source, "source");
    if (target != null) {
      checkPort(target, "target");
    }
  }

  private static void checkPort(int port, String what) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " port " + port + " is out of range 1..65535");
    }
  }

  /** Returns a TCP port open to anyone. */
  public static PortSpec tcp(int port) {
    return new PortSpec("tcp", port, null, null);
  }

  /** Returns a UDP port open to anyone. */
  public static PortSpec udp(int port) {
    return new PortSpec("udp", port, null, null);
  }

  /** Returns a copy open only to {@code cidr}, e.g. {@code 192.168.0.0/16}. */
  public PortSpec from(String cidr) {
    return new PortSpec(protocol, source, target, cidr);
  }

  /** Returns the entry as written in the template: {@code {protocol, source, target?, remote_cidr?}}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("protocol", protocol);
    m.put("source", source);
    if (target != null) {
      m.put("target", target);
    }
    if (remoteCidr != null) {
      m.put("remote_cidr", remoteCidr);
    }
    return m;
  }
}
