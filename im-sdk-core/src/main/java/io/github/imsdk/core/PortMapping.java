package io.github.imsdk.core;

import java.util.Objects;

/**
 * One entry of a network's {@code outports} feature, read as IM reads it: {@code remote/proto-local/proto}
 * ({@code 2222/tcp-22/tcp}: port 2222 of the public IP reaches port 22 of the VM), {@code port/proto} (the same
 * port on both sides) or a range {@code from:to/proto} (every port of the range open on the same number).
 *
 * @param remotePort the port on the public side (for a range, its first port)
 * @param localPort the port on the VM (for a range, its last port)
 * @param protocol the protocol in lower case, {@code tcp} when the entry names none
 * @param range whether the entry is a range {@code from:to}
 */
public record PortMapping(int remotePort, int localPort, String protocol, boolean range) {

  /** Checks the components. */
  public PortMapping {
    checkPort(remotePort, "remotePort");
    checkPort(localPort, "localPort");
    Objects.requireNonNull(protocol, "protocol");
    if (range && remotePort > localPort) {
      throw new IllegalArgumentException("port range " + remotePort + ":" + localPort + " runs backwards");
    }
  }

  private static void checkPort(int port, String name) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " must be within 1..65535, got " + port);
    }
  }

  /** Returns whether the VM's {@code vmPort} over {@code protocol} is reachable through this entry. */
  public boolean reaches(int vmPort, String protocol) {
    if (!this.protocol.equalsIgnoreCase(protocol)) {
      return false;
    }
    return range ? vmPort >= remotePort && vmPort <= localPort : vmPort == localPort;
  }

  /** Returns the public port that reaches {@code vmPort} through this entry (only if {@link #reaches}). */
  public int publicPortFor(int vmPort) {
    return range ? vmPort : remotePort;
  }

  /** Returns the entry as IM writes it, e.g. {@code 2222/tcp-22/tcp} or {@code 8000:8100/tcp}. */
  @Override
  public String toString() {
    return range ? remotePort + ":" + localPort + "/" + protocol
        : remotePort + "/" + protocol + "-" + localPort + "/" + protocol;
  }
}
