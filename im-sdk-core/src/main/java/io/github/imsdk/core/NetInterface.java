package io.github.imsdk.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One network interface of a VM ({@code net_interface.N.*} of its system).
 *
 * @param index the interface number {@code N}
 * @param networkId the network it is connected to ({@code net_interface.N.connection})
 * @param isPublic whether that network is public ({@code outbound = 'yes'}); an unknown network counts as private
 * @param ip the interface's IP ({@code net_interface.N.ip}), if IM knows it
 * @param dnsNames the DNS names: {@code net_interface.N.dns_name} then {@code net_interface.N.dns.M.name}, without
 *     repeats
 */
public record NetInterface(int index, String networkId, boolean isPublic, Optional<String> ip, List<String> dnsNames) {

  /** Checks and copies the components. */
  public NetInterface {
    if (index < 0) {
      throw new IllegalArgumentException("interface index must be >= 0, got " + index);
    }
    Objects.requireNonNull(networkId, "networkId");
    Objects.requireNonNull(ip, "ip");
    dnsNames = List.copyOf(dnsNames);
  }
}
