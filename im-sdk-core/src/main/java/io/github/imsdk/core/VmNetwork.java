package io.github.imsdk.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One RADL {@code network} the VM's answer describes ({@code network public (outbound = 'yes' and outports =
 * '...')}). {@link #toString()} leaves out the features, which may hold the gateway's password or key.
 *
 * @param id the network id
 * @param isPublic whether the network is public ({@code outbound = 'yes'})
 * @param outports the port mappings of {@code outports}, in order
 * @param proxyHost the gateway of {@code proxy_host} / {@code proxy_key}, if any
 * @param features every feature of the network, as IM sent it
 */
public record VmNetwork(
    String id, boolean isPublic, List<PortMapping> outports, Optional<ProxyHost> proxyHost,
    Map<String, Object> features) {

  /** Checks and copies the components. */
  public VmNetwork {
    Objects.requireNonNull(id, "id");
    outports = List.copyOf(outports);
    Objects.requireNonNull(proxyHost, "proxyHost");
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }

  @Override
  public String toString() {
    return "VmNetwork[id=" + id + ", public=" + isPublic + ", outports=" + outports
        + ", proxyHost=" + proxyHost.map(ProxyHost::toString).orElse("-") + "]";
  }
}
