package io.github.imsdk.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What IM knows about one VM, parsed from its RADL ({@code GET /infrastructures/{id}/vms/{vmId}}).
 *
 * <p>The public and private IPs follow IM's rule: walk {@code net_interface.0, 1, ...} until one has no
 * {@code connection}; the first interface on a network with {@code outbound = 'yes'} that has an {@code ip} gives
 * the public IP, the first interface on any other network with an {@code ip} gives the private IP. CPU count and
 * memory fall back to the requested minimum ({@code cpu.count >= N}) when the exact value is not known.
 *
 * <p>{@link #toString()} never shows credentials, the RADL or other feature values.
 *
 * @param vmId the VM id
 * @param state the VM state
 * @param rawState the state string IM sent (empty if none)
 * @param publicIp the public IPv4, if any
 * @param privateIp the private IPv4, if any
 * @param credentials the OS credentials, if IM knows a user name
 * @param cpuCount the number of CPUs
 * @param memoryBytes the memory, in bytes
 * @param disks the disks, by index
 * @param imageUrl the image of disk 0, if given
 * @param provider the hosting cloud, if known
 * @param instanceId the cloud's id of the VM, if known
 * @param systemName the RADL system this VM belongs to
 * @param properties every feature of the VM's system (RADL-JSON keys, {@code _min}/{@code _max} suffixes for
 *     {@code >=}/{@code <=}), with sizes in base units
 * @param interfaces every network interface of the VM, by index, with its network, IP and DNS names
 * @param networks every network of the VM's RADL, in order, with its port mappings and gateway
 * @param radl the VM's RADL exactly as IM sent it (RADL-JSON, as the SDK asks for JSON; RADL text from a server
 *     that answers text); empty when the information was not read from IM
 */
public record VmInfo(
    String vmId,
    State state,
    String rawState,
    Optional<String> publicIp,
    Optional<String> privateIp,
    Optional<OsCredentials> credentials,
    OptionalInt cpuCount,
    OptionalLong memoryBytes,
    List<Disk> disks,
    Optional<String> imageUrl,
    Optional<CloudProvider> provider,
    Optional<String> instanceId,
    String systemName,
    Map<String, Object> properties,
    List<NetInterface> interfaces,
    List<VmNetwork> networks,
    String radl) {

  /** The SSH port IM assumes when no port mapping of a public network reaches port 22 of the VM. */
  public static final int DEFAULT_SSH_PORT = 22;

  /** Checks and copies the components. */
  public VmInfo {
    Objects.requireNonNull(vmId, "vmId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(rawState, "rawState");
    Objects.requireNonNull(publicIp, "publicIp");
    Objects.requireNonNull(privateIp, "privateIp");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(cpuCount, "cpuCount");
    Objects.requireNonNull(memoryBytes, "memoryBytes");
    disks = List.copyOf(disks);
    Objects.requireNonNull(imageUrl, "imageUrl");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(systemName, "systemName");
    properties = freezeMap(properties);
    interfaces = List.copyOf(interfaces);
    networks = List.copyOf(networks);
    Objects.requireNonNull(radl, "radl");
  }

  /** Creates VM information without network details or RADL text (as the SDK's first versions did). */
  public VmInfo(
      String vmId, State state, String rawState, Optional<String> publicIp, Optional<String> privateIp,
      Optional<OsCredentials> credentials, OptionalInt cpuCount, OptionalLong memoryBytes, List<Disk> disks,
      Optional<String> imageUrl, Optional<CloudProvider> provider, Optional<String> instanceId, String systemName,
      Map<String, Object> properties) {
    this(vmId, state, rawState, publicIp, privateIp, credentials, cpuCount, memoryBytes, disks, imageUrl, provider,
        instanceId, systemName, properties, List.of(), List.of(), "");
  }

  /**
   * Returns the address an SSH client should connect to, as IM does: the public IP, else the private IP (then
   * reached through {@link #proxyHost()} when there is one).
   */
  public Optional<String> sshHost() {
    return publicIp.isPresent() ? publicIp : privateIp;
  }

  /**
   * Returns the SSH port that is actually reachable, as IM computes it: on the last public network of the VM's RADL,
   * the last {@code outports} entry that maps a public port to port 22/tcp of the VM gives that public port; otherwise
   * {@value #DEFAULT_SSH_PORT}.
   */
  public int sshPort() {
    VmNetwork publicNet = null;
    for (VmNetwork n : networks) {
      if (n.isPublic()) {
        publicNet = n;
      }
    }
    int port = DEFAULT_SSH_PORT;
    if (publicNet != null) {
      for (PortMapping m : publicNet.outports()) {
        if (!m.range() && m.reaches(DEFAULT_SSH_PORT, "tcp")) {
          port = m.remotePort();
        }
      }
    }
    return port;
  }

  /**
   * Returns the SSH gateway of the VM, as IM picks it: the {@code proxy_host} of the first network (in interface
   * order) the VM is connected to that has one.
   */
  public Optional<ProxyHost> proxyHost() {
    for (NetInterface i : interfaces) {
      for (VmNetwork n : networks) {
        if (n.id().equals(i.networkId()) && n.proxyHost().isPresent()) {
          return n.proxyHost();
        }
      }
    }
    return Optional.empty();
  }

  /** Returns the port mappings of the public networks of the VM's RADL, in order. */
  public List<PortMapping> portMappings() {
    List<PortMapping> out = new ArrayList<>();
    for (VmNetwork n : networks) {
      if (n.isPublic()) {
        out.addAll(n.outports());
      }
    }
    return List.copyOf(out);
  }

  /** Returns every IP of the VM, in interface order. */
  public List<String> ips() {
    return interfaces.stream().flatMap(i -> i.ip().stream()).distinct().toList();
  }

  /** Returns every DNS name of the VM, in interface order, without repeats. */
  public List<String> dnsNames() {
    return interfaces.stream().flatMap(i -> i.dnsNames().stream()).distinct().toList();
  }

  /** Returns an unmodifiable copy of {@code map} whose nested maps and lists are unmodifiable copies too. */
  private static Map<String, Object> freezeMap(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, freeze(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object freeze(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(k, freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(freeze(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** Returns the feature {@code name} of the VM's system (e.g. {@code "net_interface.0.dns_name"}). */
  public Optional<Object> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  /** Returns the feature {@code name} as text, if present. */
  public Optional<String> propertyString(String name) {
    return property(name).map(Object::toString);
  }

  @Override
  public String toString() {
    return "VmInfo[vmId=" + vmId + ", state=" + state.wire() + ", publicIp=" + publicIp.orElse("-")
        + ", privateIp=" + privateIp.orElse("-") + ", credentials=" + credentials.map(Object::toString).orElse("-")
        + ", cpuCount=" + (cpuCount.isPresent() ? cpuCount.getAsInt() : "-")
        + ", memoryBytes=" + (memoryBytes.isPresent() ? memoryBytes.getAsLong() : "-")
        + ", disks=" + disks.size() + ", imageUrl=" + imageUrl.orElse("-")
        + ", provider=" + provider.map(CloudProvider::type).orElse("-") + ", system=" + systemName
        + ", interfaces=" + interfaces.size() + ", networks=" + networks.stream().map(VmNetwork::id).toList() + "]";
  }
}
